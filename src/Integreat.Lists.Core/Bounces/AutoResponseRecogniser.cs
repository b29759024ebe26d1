using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Messages that reach a bounces address but are not delivery failures: abuse feedback reports (ARF),
/// read receipts (MDN), challenge-response requests dressed as DSNs, and vacation or out-of-office replies.</summary>
/// <remarks>Runs first, so that none of these is ever scored against a member. Reports carry the name of what was
/// found: <c>arf</c> (RFC 5965 <c>report-type=feedback-report</c>; may become its own kind later), <c>mdn</c>
/// (RFC 8098 <c>message/disposition-notification</c>), <c>challenge-response</c> and <c>auto-reply</c>
/// (RFC 3834 <c>Auto-Submitted</c>, <c>Precedence</c> and vendor vacation headers, from a person rather than a mail
/// system).</remarks>
public sealed class AutoResponseRecogniser : IBounceRecogniser
{
    /// <summary>Words that, inside a DSN's diagnostic next to a link, ask the sender to get itself approved.</summary>
    static readonly string[] ChallengeWords = ["whitelist", "white-list", "confirm", "pre-approved", "challenge"];

    /// <summary>Headers that only automatic responders set.</summary>
    static readonly string[] AutoReplyHeaders =
        ["X-Autoreply", "X-Autorespond", "X-Auto-Reply", "X-Auto-Response-Suppress", "X-MS-Exchange-Inbox-Rules-Loop"];

    /// <inheritdoc/>
    public string Name => "auto-response";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        if (HasReport(message, "feedback-report", typeof(MessageFeedbackReport))) return BounceReport.NotABounce("arf");
        if (HasReport(message, "disposition-notification", typeof(MessageDispositionNotification))) return BounceReport.NotABounce("mdn");
        if (IsChallenge(message)) return BounceReport.NotABounce("challenge-response");
        if (IsAutoReply(message)) return BounceReport.NotABounce("auto-reply");
        return null;
    }

    static bool HasReport(MimeMessage message, string reportType, Type partType)
    {
        if (message.Body is MultipartReport report && string.Equals(report.ReportType, reportType, StringComparison.OrdinalIgnoreCase)) return true;
        return TopLevelParts(message.Body).Any(partType.IsInstanceOfType);
    }

    /// <summary>A challenge: a DSN whose Reply-To is the very recipient it reports (the recipient's screening service
    /// writing on their behalf, as Boxbe does), or whose diagnostic is a link to get the sender approved.</summary>
    static bool IsChallenge(MimeMessage message)
    {
        var groups = DeliveryStatusGroups.FromParts(message);
        if (groups.Count == 0) return false;
        var replyTo = message.ReplyTo.Mailboxes.Select(m => m.Address.ToLowerInvariant()).ToHashSet();
        if (groups.Any(g => replyTo.Contains(g.Recipient))) return true;
        return groups.Any(g => g.Diagnostic.Contains("http", StringComparison.OrdinalIgnoreCase)
                               && ChallengeWords.Any(w => g.Diagnostic.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>An automatic reply from a person's mailbox (never from a mail system, never with a DSN), marked by
    /// RFC 3834 <c>Auto-Submitted</c>, RFC 3834 §3.1.8 <c>Precedence</c>, or the vacation and out-of-office headers of
    /// common responders (Exchange, Apple, procmail-style <c>X-Autoreply</c>).</summary>
    static bool IsAutoReply(MimeMessage message)
    {
        if (MailSystem.IsReporter(message) || DeliveryStatusGroups.FromParts(message).Count > 0) return false;
        var headers = message.Headers;
        var autoSubmitted = headers["Auto-Submitted"]?.Trim() ?? "";
        var precedence = (headers[HeaderId.Precedence] ?? headers["X-Precedence"])?.Trim().ToLowerInvariant();
        return (autoSubmitted.Length > 0 && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
               || precedence is "auto_reply" or "bulk" or "junk" or "list"
               || AutoReplyHeaders.Any(headers.Contains)
               || string.Equals(headers["X-Apple-Action"]?.Trim(), "VACATION", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The parts of the report itself, not those of a message it returns.</summary>
    static IEnumerable<MimeEntity> TopLevelParts(MimeEntity? entity) => entity switch
    {
        Multipart multipart => multipart.SelectMany(TopLevelParts).Prepend(multipart),
        null => [],
        _ => [entity],
    };
}
