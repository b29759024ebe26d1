namespace Integreat.Lists.Core.Commands;

/// <summary>A request waiting for a confirmation or an approval (Mailman's pendings).</summary>
/// <remarks>For confirmations the key is the SHA-256 of the token (lower-case hex): the token itself is never
/// stored, so a copy of the database confirms nothing. For approvals the key is <c>approval|LIST|ADDRESS</c>.</remarks>
public sealed class PendingRequest
{
    /// <summary>The storage key (token hash, or the approval key).</summary>
    public string Id { get; set; } = "";

    /// <summary>The list's posting address (normalised).</summary>
    public string List { get; set; } = "";

    /// <summary>The address to subscribe or unsubscribe (normalised); for <see cref="PendingAction.Admin"/> the owner's;
    /// for <see cref="PendingAction.Moderation"/> the held post's author.</summary>
    public string Address { get; set; } = "";

    /// <summary>What happens on confirmation or approval.</summary>
    public PendingAction Action { get; set; }

    /// <summary>The admin command lines to run (<see cref="PendingAction.Admin"/>), as the owner wrote them; for
    /// <see cref="PendingAction.Moderation"/> the held post's id, then its Subject (older tokens: the id only).</summary>
    public List<string> Commands { get; set; } = [];

    /// <summary>When the request was made (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When a confirmation token stops being valid (UTC); <see cref="DateTime.MaxValue"/> for approvals.</summary>
    public DateTime ExpiresUtc { get; set; }

    /// <summary>The key of the approval of <paramref name="address"/> on <paramref name="list"/>.</summary>
    public static string ApprovalKey(string list, string address) => "approval|" + list + "|" + address;
}
