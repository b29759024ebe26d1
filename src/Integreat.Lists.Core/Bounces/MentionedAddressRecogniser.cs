using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>The last resort for reports from a mail system whose recipient lines have no recognisable shape: the
/// addresses the notification mentions (<c>Sorry, unable to deliver your message to user@example.org</c>,
/// <c>addressed to 'user@example.org'</c>, in any language), except the report's own parties and mail-system roles.</summary>
/// <remarks>Keyed on structure only: a mail-system sender, the notification text as opposed to the returned message,
/// and the addresses in it. It never applies to mail from a person. The status is the first code in the notification,
/// and a delay-warning subject makes the report temporary. A notice mentioning more than three candidates is left
/// alone rather than scoring members it merely names.</remarks>
public sealed class MentionedAddressRecogniser : IBounceRecogniser
{
    /// <summary>More distinct candidates than this and the notice is a text about addresses (help text, examples),
    /// not a statement about which one failed.</summary>
    const int MaxCandidates = 3;

    /// <inheritdoc/>
    public string Name => "mentioned-address";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        if (!MailSystem.IsReporter(message)) return null;
        var text = NotificationText.Text(message);
        var parties = MailSystem.Parties(message);
        var delayed = MailSystem.IsDelayWarning(message);
        var candidates = AddressText.FindAll(text).Distinct()
            .Where(a => !parties.Contains(a) && !MailSystem.IsReporterAddress(a)).ToList();
        if (candidates.Count > MaxCandidates) return null;
        return BounceReport.FromFailures(Name, candidates.Select(a => RecipientBlocks.Failure(a, text, delayed)));
    }
}
