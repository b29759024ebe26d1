using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>The text notification of Postfix (and of MTAs that copied its template): each failed recipient starts a
/// line as <c>&lt;address&gt;: reason</c>, the reason continuing on indented lines. Used when the report has no
/// usable delivery-status part, as with Postfix before 2.3 or a DSN mangled on the way.</summary>
/// <remarks>Format: Postfix <c>bounce(8)</c> templates (<c>bounce_notice_recipient</c>). Recognised from a mail system,
/// or from any sender when the recipient lines quote SMTP status codes.</remarks>
public sealed partial class PostfixTextRecogniser : IBounceRecogniser
{
    /// <inheritdoc/>
    public string Name => "postfix";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        var failures = RecipientBlocks.Read(NotificationText.Lines(message), RecipientsOf, MailSystem.IsDelayWarning(message));
        if (!MailSystem.IsReporter(message) && failures.All(f => f.Status is null)) return null;
        return BounceReport.FromFailures(Name, failures);
    }

    static IReadOnlyList<string> RecipientsOf(string line)
    {
        var match = RecipientLine().Match(line);
        return match.Success ? [AddressText.Normalise(match.Groups["addr"].Value)] : [];
    }

    [GeneratedRegex(@"^\s*<" + AddressText.Pattern + @">:\s+\S")]
    private static partial Regex RecipientLine();
}
