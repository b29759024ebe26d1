using MimeKit;

namespace Integreat.Lists.Core.Posting;

/// <summary>Recognises bounces, auto-replies and other list mail, to which the list must never respond.</summary>
/// <remarks>RFC 3834 §2 (<c>Auto-Submitted</c>, and §3.1.8 <c>Precedence</c>), RFC 5321 §4.5.5 (null
/// reverse-path), RFC 3462/6522 (<c>multipart/report</c>), RFC 2369/2919 (mail from another list), plus the
/// vendor headers Exchange and others set on out-of-office replies.</remarks>
public static class AutomatedMessage
{
    static readonly string[] RobotLocalParts =
        ["mailer-daemon", "postmaster", "noreply", "no-reply", "no.reply", "donotreply", "do-not-reply", "do.not.reply",
         "listserv", "majordomo", "nobody", "root", "daemon", "bounce", "bounces"];

    /// <summary>True when no automatic response may be sent for this message.</summary>
    /// <param name="envelopeSender">The envelope sender; empty for <c>&lt;&gt;</c>.</param>
    /// <param name="headers">The message headers.</param>
    public static bool IsAutomated(string envelopeSender, HeaderList headers)
    {
        if (string.IsNullOrWhiteSpace(envelopeSender)) return true;
        if (IsRobotAddress(envelopeSender)) return true;
        var autoSubmitted = headers["Auto-Submitted"];
        if (autoSubmitted is not null && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase)) return true;
        var precedence = headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list" or "auto_reply") return true;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Reply")) return true;
        var suppress = headers["X-Auto-Response-Suppress"];
        if (suppress is not null && (suppress.Contains("All", StringComparison.OrdinalIgnoreCase)
                                     || suppress.Contains("OOF", StringComparison.OrdinalIgnoreCase))) return true;
        if (headers.Contains(HeaderId.ListId) || headers.Contains(HeaderId.ListPost)) return true;
        var contentType = headers[HeaderId.ContentType];
        return contentType is not null && contentType.Contains("multipart/report", StringComparison.OrdinalIgnoreCase);
    }

    static bool IsRobotAddress(string address)
    {
        var at = address.LastIndexOf('@');
        var local = (at < 0 ? address : address[..at]).ToLowerInvariant();
        // A sub-address (mailer-daemon+x) is still the robot.
        var plus = local.IndexOf('+');
        var bare = plus < 0 ? local : local[..plus];
        return RobotLocalParts.Contains(bare) || bare.Contains("-bounces") || bare.EndsWith("-request")
               || bare.EndsWith("-owner") || bare.StartsWith("owner-") || bare.StartsWith("bounce")
               || bare.StartsWith("mailer-daemon") || bare.Contains("noreply") || bare.Contains("no-reply");
    }
}
