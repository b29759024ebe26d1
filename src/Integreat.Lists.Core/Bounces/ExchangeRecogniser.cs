using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Non-delivery reports of Microsoft Exchange 5.5 and its Internet Mail Service (<c>X-Mailer: Internet Mail
/// Service</c>, <c>MSEXCH:IMS</c> diagnostics), plain text or HTML: each failed recipient on a line of its own as
/// <c>address on DATE</c>, or as an X.400 address whose <c>dda:SMTP=</c> attribute holds the Internet address.</summary>
/// <remarks>These reports carry no status code, only Exchange's own diagnostic (<c>(000C05A6) Unknown Recipient</c>),
/// so they are permanent unless the block quotes a class-4 reply.</remarks>
public sealed partial class ExchangeRecogniser : IBounceRecogniser
{
    /// <inheritdoc/>
    public string Name => "exchange";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        var lines = NotificationText.Lines(message);
        var fromIms = message.Headers["X-Mailer"]?.Contains("Internet Mail Service", StringComparison.OrdinalIgnoreCase) ?? false;
        if (!fromIms && !lines.Any(l => l.Contains("MSEXCH:", StringComparison.Ordinal))) return null;
        return BounceReport.FromFailures(Name, RecipientBlocks.Read(lines, RecipientsOf, MailSystem.IsDelayWarning(message)));
    }

    static IReadOnlyList<string> RecipientsOf(string line)
    {
        var match = RecipientLine().Match(line);
        return match.Success ? [AddressText.Normalise(match.Groups["addr"].Value)] : [];
    }

    [GeneratedRegex(@"^\s*(?:.*?dda:SMTP=)?" + AddressText.Pattern + @";?\s+on\s", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientLine();
}
