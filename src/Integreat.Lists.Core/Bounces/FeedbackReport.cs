using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>A spam complaint in the Abuse Reporting Format (RFC 5965): <c>multipart/report;
/// report-type=feedback-report</c> with a <c>message/feedback-report</c> part.</summary>
/// <param name="FeedbackType">The <c>Feedback-Type</c> field, lower-cased (<c>abuse</c>, <c>fraud</c>, …); <c>abuse</c> when absent.</param>
/// <param name="Recipient">The <c>Original-Rcpt-To</c> address (RFC 5965 §3.2), lower-cased; empty when the report
/// gives none (providers often redact it; VERP then names the member).</param>
public sealed record FeedbackReport(string FeedbackType, string Recipient)
{
    /// <summary>Reads <paramref name="message"/> as a feedback report.</summary>
    /// <returns>The report, or null when the message is not one.</returns>
    public static FeedbackReport? TryRead(MimeMessage message)
    {
        var part = Parts(message.Body).OfType<MessageFeedbackReport>().FirstOrDefault();
        var isReport = message.Body is MultipartReport report
                       && string.Equals(report.ReportType, "feedback-report", StringComparison.OrdinalIgnoreCase);
        if (part is null && !isReport) return null;
        var fields = part?.Fields;
        var type = fields?["Feedback-Type"]?.Trim().ToLowerInvariant();
        var recipient = AddressText.FindAll(fields?["Original-Rcpt-To"] ?? "").FirstOrDefault() ?? "";
        return new FeedbackReport(string.IsNullOrEmpty(type) ? "abuse" : type, recipient);
    }

    static IEnumerable<MimeEntity> Parts(MimeEntity? entity) => entity switch
    {
        Multipart multipart => multipart.SelectMany(Parts),
        null => [],
        _ => [entity],
    };
}
