namespace Integreat.Lists.Core.Model;

/// <summary>Who may join a list by mail (Mailman's <c>SubscriptionPolicy</c>; every self-join is confirmed by
/// the subscribed address first).</summary>
public enum SubscriptionPolicy
{
    /// <summary>The address's confirmation suffices.</summary>
    Open = 0,
    /// <summary>After the confirmation an owner approves the request (the default).</summary>
    Moderate = 1,
    /// <summary>Nobody joins by mail; only admins add members.</summary>
    Closed = 2,
}
