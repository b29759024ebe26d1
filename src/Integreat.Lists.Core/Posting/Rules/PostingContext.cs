using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>What the posting rules read about one post, and what they record (Mailman's <c>msgdata</c>, typed).</summary>
public sealed class PostingContext
{
    Lazy<MimeMessage?>? _message;

    /// <summary>The list posted to.</summary>
    public required MailingList List { get; init; }

    /// <summary>The post's header fields.</summary>
    public required HeaderList Headers { get; init; }

    /// <summary>The envelope sender, empty for <c>&lt;&gt;</c>.</summary>
    public string EnvelopeSender { get; init; } = "";

    /// <summary>The normalised From: mailboxes, then the envelope sender (<see cref="PostingPolicy.Senders"/>).</summary>
    public required IReadOnlyList<string> Senders { get; init; }

    /// <summary>The roster entry of a normalised address on <see cref="List"/>, or null.</summary>
    public Func<string, Member?> FindMember { get; init; } = _ => null;

    /// <summary>True when a post with this Message-ID already went to <see cref="List"/> within the duplicate window.</summary>
    public Func<string, bool> AlreadyPosted { get; init; } = _ => false;

    /// <summary>The post's DKIM, SPF and DMARC results; null when they were not evaluated.</summary>
    public Authentication.AuthenticationVerdict? Authentication { get; init; }

    /// <summary>The raw size of the post in bytes.</summary>
    public long SizeBytes { get; init; }

    /// <summary>The whole post, parsed on first use (for the body text); null when it cannot be parsed.</summary>
    public Func<MimeMessage?> Message
    {
        init => _message = new Lazy<MimeMessage?>(value);
    }

    /// <summary>The parsed post, or null when none was given or it cannot be parsed.</summary>
    public MimeMessage? Parsed => _message?.Value;

    /// <summary>The readable reasons of the rules that matched, in chain order.</summary>
    public List<string> Reasons { get; } = [];

    /// <summary>The action a moderation rule chose (member or nonmember moderation), read by a
    /// <see cref="Chains.ChainTarget.Moderation"/> link.</summary>
    public Disposition? ModerationAction { get; set; }

    /// <summary>The first roster entry among <see cref="Senders"/>, or null for a nonmember.</summary>
    public Member? Member => Senders.Select(FindMember).FirstOrDefault(m => m is not null);
}
