namespace Integreat.Lists.Core.Model;

/// <summary>Whether a member gets the list's posts (Mailman's <c>DeliveryStatus</c>).</summary>
public enum DeliveryStatus
{
    /// <summary>Posts are delivered.</summary>
    Enabled,

    /// <summary>Disabled because the address kept bouncing and the probe bounced too (<c>by-bounces</c>).</summary>
    ByBounces,

    /// <summary>Disabled because the member's mailbox provider reported a spam complaint (ARF, RFC 5965), when
    /// <c>Bounces:DisableOnComplaint</c> is set (<c>by-complaint</c>).</summary>
    ByComplaint,
}
