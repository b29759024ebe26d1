namespace Integreat.Lists.Core.Bounces;

/// <summary>One recipient a report says could not be delivered to.</summary>
/// <param name="Address">The recipient address as the report gives it (lower-cased by <see cref="BounceReport"/>);
/// empty when the report names the failure but not a recognisable address.</param>
/// <param name="Status">The RFC 3463 status or bare SMTP reply code; null when none is given.</param>
/// <param name="Diagnostic">The reason, on one line; null when none is given.</param>
/// <param name="Temporary">True for a transient failure or a delay (status class 4, <c>Action: delayed</c>).</param>
public sealed record RecipientFailure(string Address, string? Status, string? Diagnostic, bool Temporary)
{
    /// <summary>The address the sender originally gave (RFC 3464 <c>Original-Recipient</c>) when the report names a
    /// different mailbox as the one that failed (forwarded to another domain); null otherwise.</summary>
    public string? Original { get; init; }
}
