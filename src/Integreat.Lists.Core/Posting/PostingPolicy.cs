using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting.Chains;
using Integreat.Lists.Core.Posting.Rules;
using MimeKit;

namespace Integreat.Lists.Core.Posting;

/// <summary>Decides the fate of a post to a list by running <see cref="DefaultPostingChain"/>.</summary>
/// <remarks>The author is a member when any From: mailbox or the envelope sender is on the roster (Mailman's
/// <c>msg.senders</c>), compared case-insensitively.</remarks>
public sealed class PostingPolicy
{
    /// <summary>Decides the fate of one post.</summary>
    public PostingDecision Decide(PostingContext post) => ChainProcessor.Process(DefaultPostingChain.Links, post);

    /// <summary>Decides the fate of one post from its headers alone (no body, size 0, no duplicate state).</summary>
    /// <param name="list">The list posted to.</param>
    /// <param name="headers">The post's headers.</param>
    /// <param name="envelopeSender">The envelope sender, empty for <c>&lt;&gt;</c>.</param>
    /// <param name="isMember">Tells whether a normalised address is on the list's roster.</param>
    public PostingDecision Decide(MailingList list, HeaderList headers, string envelopeSender, Func<string, bool> isMember)
        => Decide(new PostingContext
        {
            List = list, Headers = headers, EnvelopeSender = envelopeSender, Senders = Senders(headers, envelopeSender).ToList(),
            FindMember = a => isMember(a) ? Member.Create(list.Address, a, null, MemberRole.Member, DateTime.UnixEpoch) : null,
        });

    /// <summary>The normalised From: mailboxes, then the envelope sender, without duplicates.</summary>
    public static IEnumerable<string> Senders(HeaderList headers, string envelopeSender)
    {
        var found = new List<string>();
        // Parse the raw value: the decoded text would turn an encoded display name such as
        // "=?utf-8?q?=3Cerika=40example.org=3E?=" into address syntax.
        foreach (var from in headers.Where(h => h.Id == HeaderId.From))
            if (InternetAddressList.TryParse(ParserOptions.Default, from.RawValue, out var list))
                found.AddRange(list.Mailboxes.Select(m => EmailAddress.Normalise(m.Address)));
        if (!string.IsNullOrWhiteSpace(envelopeSender)) found.Add(EmailAddress.Normalise(envelopeSender));
        return found.Where(a => a.Contains('@')).Distinct();
    }
}
