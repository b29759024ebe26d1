using Integreat.Lists.Core.Addressing;

namespace Integreat.Lists.Core.Model;

/// <summary>A mailing list and its settings, keyed by its posting address.</summary>
public sealed class MailingList
{
    /// <summary>The posting address, lower-case, e.g. <c>bayern@lists.integreat.example</c>. The key.</summary>
    public string Address { get; set; } = "";

    /// <summary>The display name used in From/To of notices, e.g. "Integreat Bayern".</summary>
    public string Name { get; set; } = "";

    /// <summary>The subject prefix added once to every post, e.g. "[Bayern]"; empty for none.</summary>
    public string SubjectPrefix { get; set; } = "";

    /// <summary>What happens to <c>Reply-To</c> on redistribution.</summary>
    public ReplyToPolicy ReplyTo { get; set; } = ReplyToPolicy.None;

    /// <summary>When the author's <c>From</c> is rewritten to the list for DMARC (default: when required).</summary>
    public DmarcMitigation DmarcMitigation { get; set; } = DmarcMitigation.WhenRequired;

    /// <summary>What happens to a post from a nonmember.</summary>
    public NonmemberAction NonmemberAction { get; set; } = NonmemberAction.Reject;

    /// <summary>Who may join by mail; new lists are moderated.</summary>
    public SubscriptionPolicy SubscriptionPolicy { get; set; } = SubscriptionPolicy.Moderate;

    /// <summary>True when moderators may use the admin commands by mail (as owners do, except changing roles);
    /// default false.</summary>
    public bool ModeratorsAreAdmins { get; set; }

    /// <summary>The posting chain's settings: moderation, bans, limits (see <see cref="Model.PostingSettings"/>).</summary>
    public PostingSettings Posting { get; set; } = new();

    /// <summary>Who may read the list's archive; <see cref="ArchivePolicy.Off"/> archives nothing. New lists: members.</summary>
    public ArchivePolicy Archive { get; set; } = ArchivePolicy.Members;

    /// <summary>How many years archived posts are kept (counted from archiving); 0 keeps them for ever (the default).</summary>
    public int ArchiveRetentionYears { get; set; }

    /// <summary>The content filter and HTML conversion settings (see <see cref="Model.ContentSettings"/>).</summary>
    public ContentSettings Content { get; set; } = new();

    /// <summary>The footer added to every post, as a Liquid template (it sees <c>list</c> and <c>archive_url</c>);
    /// empty for none, which is the default of a new list.</summary>
    public string Footer { get; set; } = "";

    /// <summary>When the list was created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>The list's addresses (posting, request, owner, bounces).</summary>
    public ListAddresses Addresses => ListAddresses.For(Address);

    /// <summary>The RFC 2919 list identifier, <c>local.domain</c>, e.g. <c>bayern.lists.integreat.example</c>.</summary>
    public string ListId => Addresses.LocalPart + "." + Addresses.Domain;

    /// <summary>Creates a list with the default settings: prefix from the local part ("[Bayern]" for
    /// <c>bayern@</c>), no Reply-To munging, nonmember posts rejected.</summary>
    /// <param name="address">The posting address; normalised to lower case.</param>
    /// <param name="name">The display name; when empty, the capitalised local part.</param>
    /// <param name="createdUtc">The creation time.</param>
    public static MailingList Create(string address, string? name, DateTime createdUtc)
    {
        var normalised = EmailAddress.Normalise(address);
        var local = normalised[..normalised.IndexOf('@')];
        var title = char.ToUpperInvariant(local[0]) + local[1..];
        return new MailingList
        {
            Address = normalised,
            Name = string.IsNullOrWhiteSpace(name) ? title : name.Trim(),
            SubjectPrefix = "[" + title + "]",
            CreatedUtc = createdUtc,
        };
    }
}
