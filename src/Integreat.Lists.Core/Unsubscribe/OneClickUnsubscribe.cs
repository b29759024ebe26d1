using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Unsubscribe;

/// <summary>The use case behind <c>/u/{token}</c> (RFC 8058): find whose link a token is, and unsubscribe that member
/// as a confirmed <c>leave</c> by mail would (audited, goodbye notice, owners told).</summary>
public sealed class OneClickUnsubscribe(
    IUnsubscribeTokens tokens,
    IListRepository lists,
    IRosterRepository roster,
    MembershipWorkflow membership,
    DeliveryHandoff handoff)
{
    /// <summary>The audit channel of one-click leaves.</summary>
    public const string Channel = "web";

    /// <summary>The list and member a token names, and whether the address is still on the roster; null when the
    /// token is invalid or its list is gone.</summary>
    public (MailingList List, string Address, bool Member)? Find(string token)
    {
        if (tokens.Read(token) is not { } named || lists.Find(named.List) is not { } list) return null;
        return (list, named.Address, roster.Find(list.Address, named.Address) is not null);
    }

    /// <summary>Unsubscribes the member a token names; idempotent (a second call finds no member and sends nothing).</summary>
    /// <returns>The list and address, or null when the token is invalid.</returns>
    public (MailingList List, string Address)? Leave(string token)
    {
        if (Find(token) is not { } found) return null;
        var mails = new List<OutgoingMail>();
        if (found.Member && membership.Leave(found.List, found.Address, Channel, mails))
        {
            var batch = "unsubscribe-" + Guid.NewGuid().ToString("N");
            for (var i = 0; i < mails.Count; i++)
                handoff.Hand($"{batch}-{i:D2}", found.List, mails[i].MessageId, found.List.Addresses.Bounces, mails[i].Recipients, mails[i].Bytes);
        }
        return (found.List, found.Address);
    }
}
