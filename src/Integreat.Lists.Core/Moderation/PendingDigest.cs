using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Moderation;

/// <summary>The reminder of posts still held on a list (Mailman's <c>list:admin:notice:pending</c>).</summary>
public static class PendingDigest
{
    /// <summary>Composes the reminder of <paramref name="posts"/> to <paramref name="moderators"/>.</summary>
    public static OutgoingMail Compose(MailingList list, IReadOnlyList<HeldPost> posts, IReadOnlyList<string> moderators, TimeProvider time)
    {
        var lines = string.Join("\n", posts.Select(p =>
            $"  {p.Id}  {p.HeldUtc:yyyy-MM-dd}  {p.Sender}  {NoticeComposer.Echo(p.Subject)} (bis/until {p.ExpiresUtc:yyyy-MM-dd})"));
        var text =
            $"""
            Guten Tag,

            auf der Liste „{list.Name}“ ({list.Address}) warten {posts.Count} Nachrichten auf Ihre Entscheidung:

            {lines}

            Antworten Sie auf die Benachrichtigung zur jeweiligen Nachricht, oder auf dem Server: integreat-lists held show ID
            Nicht entschiedene Nachrichten werden am angegebenen Tag verworfen.

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            {posts.Count} posts to the list "{list.Name}" ({list.Address}) await your decision:

            {lines}

            Reply to the notice about each post, or on the server: integreat-lists held show ID
            Posts nobody decides on are discarded on the date shown.

            This message was sent automatically.
            """;
        return ModerationMail.Compose(list, list.Addresses.Request, moderators,
            $"{posts.Count} Nachrichten warten auf Freigabe / {posts.Count} posts await approval ({list.Name})", text, null, null, null, time);
    }
}
