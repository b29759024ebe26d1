namespace Integreat.Lists.Core.Bounces;

/// <summary>What a message returned to a bounces address means for the members it names.</summary>
/// <remarks>The class digit of the RFC 3463 status decides between <see cref="Permanent"/> and
/// <see cref="Temporary"/>; RFC 3464 <c>Action: delayed</c> is always temporary.</remarks>
public enum BounceKind
{
    /// <summary>Delivery failed for good (status 5.x.x, or a failure that names no transient status).</summary>
    Permanent,

    /// <summary>Delivery is delayed or failed transiently (status 4.x.x, <c>Action: delayed</c>, a delay warning).</summary>
    Temporary,

    /// <summary>Not a delivery failure: an auto-reply, a challenge, a read receipt, an abuse report, a success notice
    /// or ordinary mail. Never scored against a member.</summary>
    NotABounce,
}
