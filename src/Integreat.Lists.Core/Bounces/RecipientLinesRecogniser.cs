using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Reports from a mail system that list each failed recipient on a line of its own in one of the common
/// shapes: the address first (<c>  user@example.org</c>, <c>"user@example.org":</c>, <c>user@example.org: 550 …</c>,
/// <c>user@example.org (user not found)</c>), after a short label (<c>Unknown user: user@example.org</c>), in an SMTP
/// transcript (<c>RCPT TO:&lt;user@example.org&gt;</c>, <c>550 &lt;user@example.org&gt;... User unknown</c>), in a
/// sendmail <c>(expanded from: …)</c> note or in an <c>Address: &lt;…&gt;</c> record.</summary>
/// <remarks>Covers sendmail's text bounces, Exim-style reports without <c>X-Failed-Recipients</c> (GMX, 1&amp;1,
/// kundenserver), Lotus Domino and Notes, Novell GroupWise, Google's old format, SMTP32, OpenSMTPD, Zoho, au/ezweb,
/// InterScan and similar. The lines are read only up to the inline copy of the returned message, and addresses of the
/// report's own sender are skipped. A report that names its local users by bare local part alone (AOL screen names,
/// each on an indented line after a line ending in ':') has them qualified with the reporting domain.</remarks>
public sealed partial class RecipientLinesRecogniser : IBounceRecogniser
{
    static readonly HashSet<string> HeaderLabels = new(StringComparer.OrdinalIgnoreCase)
        { "to", "from", "cc", "bcc", "sender", "reply-to", "return-path", "subject", "date", "sent", "delivered-to", "x-original-to" };

    /// <inheritdoc/>
    public string Name => "recipient-lines";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        if (!MailSystem.IsReporter(message)) return null;
        var lines = NotificationText.Lines(message);
        var own = OwnAddresses(message);
        var delayed = MailSystem.IsDelayWarning(message);
        var failures = RecipientBlocks.Read(lines, line => RecipientsOf(line).Where(a => !own.Contains(a)).ToList(), delayed);
        if (failures.Count == 0)
            failures = RecipientBlocks.Read(lines, BareNames(lines, MailSystem.ReportingDomain(message)), delayed);
        return BounceReport.FromFailures(Name, failures);
    }

    static HashSet<string> OwnAddresses(MimeMessage message)
        => message.From.Mailboxes.Concat(message.Sender is null ? [] : [message.Sender])
            .Select(m => m.Address.ToLowerInvariant()).Concat(AddressText.FindAll(message.Headers[HeaderId.ReturnPath] ?? "")).ToHashSet();

    static IReadOnlyList<string> RecipientsOf(string line)
    {
        foreach (var pattern in (Regex[])[AddressFirst(), AddressWithCode(), SmtpRecipient(), SendmailTranscript(), Expanded(), AddressRecord()])
        {
            var match = pattern.Match(line);
            if (match.Success) return [AddressText.Normalise(match.Groups["addr"].Value)];
        }
        var labelled = Labelled().Match(line);
        return labelled.Success && !HeaderLabels.Contains(labelled.Groups["label"].Value.Trim())
            ? [AddressText.Normalise(labelled.Groups["addr"].Value)]
            : [];
    }

    /// <summary>Recipient lines holding only a bare local part: indented, one token, under a line ending in ':'.</summary>
    static Func<string, IReadOnlyList<string>> BareNames(IReadOnlyList<string> lines, string domain)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var intro = false;
        foreach (var line in lines)
        {
            var bare = BareName().Match(line);
            if (intro && bare.Success && domain.Length > 0) names.Add(line);
            else if (line.Trim().Length > 0) intro = line.TrimEnd().EndsWith(':');
        }
        return line => names.Contains(line) ? [BareName().Match(line).Groups["name"].Value.ToLowerInvariant() + "@" + domain] : [];
    }

    /// <summary>The address first, then nothing or punctuation that introduces a reason; not an address that merely
    /// begins a wrapped line of prose.</summary>
    [GeneratedRegex(@"^\s*(?:--\s+)?[<""]?" + AddressText.Pattern + @"[>""]?(?=\s*$|\s*[:;,(<]|\s*\.\.\.|\.\s*$)")]
    private static partial Regex AddressFirst();

    /// <summary>The address first, then a reason on the same line that quotes a status code (Zoho's
    /// <c>user@example.org Invalid Address, ERROR_CODE :550</c>).</summary>
    [GeneratedRegex(@"^\s*[<""]?" + AddressText.Pattern + @"[>""]?\s+\S.*(?<![\d.])([245]\.[0-7]\.\d{1,3}|[245][0-5]\d)(?![\d.])")]
    private static partial Regex AddressWithCode();

    [GeneratedRegex(@"RCPT TO:\s*<" + AddressText.Pattern + ">", RegexOptions.IgnoreCase)]
    private static partial Regex SmtpRecipient();

    [GeneratedRegex(@"^\s*(?:<<<\s*)?[45]\d\d[ -](?:[45]\.[0-7]\.\d{1,3}\s+)?<" + AddressText.Pattern + @">\.\.\.")]
    private static partial Regex SendmailTranscript();

    [GeneratedRegex(@"\(expanded from:?\s*<?" + AddressText.Pattern + @">?\)", RegexOptions.IgnoreCase)]
    private static partial Regex Expanded();

    [GeneratedRegex(@"\bAddress:\s*<" + AddressText.Pattern + ">", RegexOptions.IgnoreCase)]
    private static partial Regex AddressRecord();

    [GeneratedRegex(@"^\s*(?<label>[A-Za-z][A-Za-z0-9 ]{0,40}?)\s*:\s*[<""]?" + AddressText.Pattern + @"[>""]?\s*[.,;]?\s*$")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"^(?:\t|\s{2,})(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*$")]
    private static partial Regex BareName();
}
