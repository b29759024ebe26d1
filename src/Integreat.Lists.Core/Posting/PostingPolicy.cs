using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Posting;

/// <summary>Decides whether a post to a list is distributed: loop detection, then members-only posting.</summary>
/// <remarks>Loop: a post that already carries this list's <c>List-Id</c> (RFC 2919) or <c>X-BeenThere</c>
/// came back from ourselves and is discarded. Members-only: the author is a member when any From: mailbox or
/// the envelope sender is on the roster (Mailman's <c>msg.senders</c>), compared case-insensitively.</remarks>
public sealed class PostingPolicy
{
    /// <summary>Decides the fate of one post.</summary>
    /// <param name="list">The list posted to.</param>
    /// <param name="headers">The post's headers.</param>
    /// <param name="envelopeSender">The envelope sender, empty for <c>&lt;&gt;</c>.</param>
    /// <param name="isMember">Tells whether a normalised address is on the list's roster.</param>
    public PostingDecision Decide(MailingList list, HeaderList headers, string envelopeSender, Func<string, bool> isMember)
    {
        if (IsLoop(list, headers))
            return new PostingDecision(Disposition.Discard, "loop", $"the post already went through {list.Address}");
        if (IsAutoReply(headers, envelopeSender))
            return new PostingDecision(Disposition.Discard, "auto-reply", "a bounce or auto-reply is not a post (RFC 3834)");
        var senders = Senders(headers, envelopeSender).ToList();
        var member = senders.FirstOrDefault(isMember);
        if (member is not null) return new PostingDecision(Disposition.Accept, "member", $"{member} is a member");
        var who = senders.Count == 0 ? "(no sender)" : string.Join(", ", senders);
        var reason = $"{who} is not a member of {list.Address}";
        return list.NonmemberAction switch
        {
            NonmemberAction.Accept => new PostingDecision(Disposition.Accept, "nonmember", reason + "; nonmember posts are accepted"),
            NonmemberAction.Discard => new PostingDecision(Disposition.Discard, "nonmember", reason),
            _ => new PostingDecision(Disposition.Reject, "nonmember", reason),
        };
    }

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

    /// <summary>Mail that no person wrote: a null reverse-path (RFC 5321 §4.5.5) or <c>Auto-Submitted</c> other than
    /// <c>no</c> (RFC 3834 §5). Out-of-office replies to a list post must not go to every member.</summary>
    static bool IsAutoReply(HeaderList headers, string envelopeSender)
    {
        if (string.IsNullOrWhiteSpace(envelopeSender)) return true;
        var autoSubmitted = headers["Auto-Submitted"];
        return (autoSubmitted is not null && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
               || headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond");
    }

    static bool IsLoop(MailingList list, HeaderList headers)
    {
        foreach (var header in headers)
        {
            if (header.Id == HeaderId.ListId && header.Value.Contains($"<{list.ListId}>", StringComparison.OrdinalIgnoreCase))
                return true;
            if (header.Field.Equals("X-BeenThere", StringComparison.OrdinalIgnoreCase)
                && header.Value.Trim().Equals(list.Address, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
