using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>qmail-send bounces and the many MTAs built on qmail (Yahoo's <c>Failure Notice</c>, Sina, mail.ru, vpopmail
/// and indimail hosts): each failed recipient on a line of its own as <c>&lt;address&gt;:</c>, the reason on the
/// following lines, and a line starting with <c>---</c> before the returned message.</summary>
/// <remarks>Format: D. J. Bernstein, qmail-send(8) and <c>qsbmf.txt</c> (qmail-send bounce message format). Nothing
/// after the <c>---</c> line counts, since it is the returned message. The status is the qmail code <c>(#5.1.1)</c>
/// or the remote reply quoted in the block; a class-4 code is temporary even after qmail "gave up".</remarks>
public sealed partial class QmailRecogniser : IBounceRecogniser
{
    /// <inheritdoc/>
    public string Name => "qmail";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        if (!MailSystem.IsReporter(message)) return null;
        var section = Section(NotificationText.Lines(message));
        if (section.Count == 0) return null;
        return BounceReport.FromFailures(Name, RecipientBlocks.Read(section, RecipientsOf, MailSystem.IsDelayWarning(message)));
    }

    /// <summary>From the first <c>&lt;address&gt;:</c> line up to the <c>---</c> line that introduces the returned message.</summary>
    static IReadOnlyList<string> Section(IReadOnlyList<string> lines)
    {
        var lineList = lines.ToList();
        var first = lineList.FindIndex(l => RecipientLine().IsMatch(l));
        if (first < 0) return [];
        var end = lineList.FindIndex(first + 1, l => l.StartsWith("---", StringComparison.Ordinal));
        return lineList[first..(end < 0 ? lineList.Count : end)];
    }

    static IReadOnlyList<string> RecipientsOf(string line)
    {
        var match = RecipientLine().Match(line);
        return match.Success ? [AddressText.Normalise(match.Groups["addr"].Value)] : [];
    }

    [GeneratedRegex(@"^<" + AddressText.Pattern + @">:\s*$")]
    private static partial Regex RecipientLine();
}
