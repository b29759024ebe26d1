using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Decides what a message returned to a list's bounces address means: runs the recognisers in a fixed order
/// and takes the first answer, and lets a VERP envelope recipient name the member.</summary>
/// <remarks>The order is the policy: things that are never bounces first (ARF, MDN, challenges, auto-replies), then
/// the standard (RFC 3464 DSN), then MTA formats with a distinctive structure, then the general shapes, then the
/// addresses a mail-system notice merely mentions, and last the summary of a returned message in a notice from a
/// gateway. A message no recogniser claims is not a bounce.</remarks>
public sealed class BounceParser
{
    /// <summary>The recogniser name reported when nothing matched.</summary>
    public const string NoRecogniser = "none";

    /// <summary>The name reported for an otherwise unrecognised mail-system report attributed by VERP alone.</summary>
    public const string VerpRecogniser = "verp";

    /// <summary>The recognisers, in the order they are asked.</summary>
    public static readonly IReadOnlyList<IBounceRecogniser> DefaultRecognisers =
    [
        new AutoResponseRecogniser(),
        new DsnRecogniser(),
        new QmailRecogniser(),
        new EximRecogniser(),
        new ExchangeRecogniser(),
        new PostfixTextRecogniser(),
        new PhqueryRecogniser(),
        new RecipientLinesRecogniser(),
        new MentionedAddressRecogniser(),
        new ReturnedSummaryRecogniser(),
    ];

    readonly IReadOnlyList<IBounceRecogniser> _recognisers;

    /// <summary>A parser with <see cref="DefaultRecognisers"/>.</summary>
    public BounceParser() : this(DefaultRecognisers) { }

    /// <summary>A parser that asks <paramref name="recognisers"/> in order.</summary>
    public BounceParser(IEnumerable<IBounceRecogniser> recognisers) => _recognisers = recognisers.ToList();

    /// <summary>Parses <paramref name="message"/> by its content alone.</summary>
    /// <returns>The first recogniser's report, or <see cref="BounceKind.NotABounce"/> from <see cref="NoRecogniser"/>.</returns>
    /// <remarks>A message no recogniser claims that carries exactly one attached message from a mail system is a
    /// report forwarded by a gateway (which may have added a disclaimer of its own), so the attached report decides.</remarks>
    public BounceReport Parse(MimeMessage message)
    {
        var report = Recognise(message);
        return report.Recogniser == NoRecogniser && ForwardedReport(message) is { } inner ? Recognise(inner) : report;
    }

    BounceReport Recognise(MimeMessage message)
    {
        foreach (var recogniser in _recognisers)
            if (recogniser.TryRecognise(message) is { } report) return report;
        return BounceReport.NotABounce(NoRecogniser);
    }

    static MimeMessage? ForwardedReport(MimeMessage message)
    {
        var attached = message.Body switch
        {
            MessagePart part => [part],
            Multipart multipart => multipart.OfType<MessagePart>().ToList(),
            _ => [],
        };
        return attached is [{ Message: { } inner }] && MailSystem.IsReporter(inner) ? inner : null;
    }

    /// <summary>Parses <paramref name="message"/> received for <paramref name="envelopeRecipient"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="envelopeRecipient">The RCPT TO it arrived with; a VERP bounces address names the member
    /// (<see cref="VerpBounce"/>). Null or a plain bounces address changes nothing.</param>
    /// <returns>The content's report with the VERP member as the only recipient when the content is a bounce; a
    /// permanent bounce of the VERP member from <see cref="VerpRecogniser"/> when the content is an unrecognised report
    /// from a mail system; otherwise the content's report (an auto-reply to a VERP address stays not-a-bounce).</returns>
    public BounceReport Parse(MimeMessage message, string? envelopeRecipient)
    {
        var report = Parse(message);
        if (!VerpBounce.TryMember(envelopeRecipient, out var member)) return report;
        if (report.IsBounce) return report with { Recipients = [member], Originals = [] };
        return report.Recogniser == NoRecogniser && MailSystem.IsReporter(message)
            ? new BounceReport(BounceKind.Permanent, [member], null, null, VerpRecogniser)
            : report;
    }
}
