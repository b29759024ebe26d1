namespace Integreat.Lists.Core.Commands;

/// <summary>What a pending request does once it is confirmed or approved.</summary>
public enum PendingAction
{
    /// <summary>Subscribe the address (awaiting its confirmation).</summary>
    Join = 0,
    /// <summary>Unsubscribe the address (awaiting its confirmation).</summary>
    Leave = 1,
    /// <summary>Subscribe the address, which confirmed; awaiting an owner's approval.</summary>
    Approval = 2,
    /// <summary>Run an owner's admin commands (awaiting the confirmation from the owner's registered address).</summary>
    Admin = 3,
    /// <summary>Act on a held post (approve, reject, discard); <see cref="PendingRequest.Commands"/> holds its id.</summary>
    Moderation = 4,
    /// <summary>Sign in to the web pages by a mailed link; not bound to a list (<see cref="PendingRequest.List"/> is
    /// empty, <see cref="PendingRequest.Commands"/> holds the path to return to).</summary>
    Login = 5,
}
