namespace Integreat.Lists.Core.Posting;

/// <summary>The fate of a post (Mailman's accept/hold/reject/discard chains).</summary>
public enum Disposition
{
    /// <summary>Distribute to every member.</summary>
    Accept,
    /// <summary>Do not distribute; notify the author (unless the post is automated), then discard.</summary>
    Reject,
    /// <summary>Do not distribute and tell no one.</summary>
    Discard,
    /// <summary>Keep the post for a moderator, who approves, rejects or discards it.</summary>
    Hold,
}
