namespace Integreat.Lists.Core.Bounces;

/// <summary>What <see cref="BounceParser"/> found in one message.</summary>
/// <param name="Kind">Permanent, temporary or not a bounce.</param>
/// <param name="Recipients">The failed recipients: lower-cased, distinct, in the order the report gives them; empty for
/// <see cref="BounceKind.NotABounce"/>, and possibly empty for a bounce that names nobody recognisably (VERP then decides).</param>
/// <param name="Status">The RFC 3463 status of the first failed recipient (<c>5.1.1</c>), or a bare SMTP reply code
/// (<c>550</c>) when the report gives no enhanced code; null when it gives neither.</param>
/// <param name="Diagnostic">The reason the report gives for the first failed recipient, on one line; null when none.</param>
/// <param name="Recogniser">The name of the recogniser that decided (<c>dsn</c>, <c>qmail</c>, <c>arf</c>, …); <c>none</c>
/// when no recogniser matched.</param>
public sealed record BounceReport(
    BounceKind Kind, IReadOnlyList<string> Recipients, string? Status, string? Diagnostic, string Recogniser)
{
    /// <summary>The addresses the sender originally gave for failed recipients that were forwarded to another domain
    /// (RFC 3464 <c>Original-Recipient</c>), lower-cased and distinct: the list's own address for a member whose
    /// forwarding target failed. Empty when the report names none.</summary>
    public IReadOnlyList<string> Originals { get; init; } = [];

    /// <summary>A message that is not a bounce, as decided by <paramref name="recogniser"/>.</summary>
    public static BounceReport NotABounce(string recogniser) => new(BounceKind.NotABounce, [], null, null, recogniser);

    /// <summary>True for <see cref="BounceKind.Permanent"/> and <see cref="BounceKind.Temporary"/>.</summary>
    public bool IsBounce => Kind != BounceKind.NotABounce;

    /// <summary>Builds the report for <paramref name="failures"/>: permanent when any recipient failed permanently (and
    /// then only those are named, since only they are scored), otherwise temporary with every recipient.</summary>
    /// <param name="recogniser">The recogniser's name.</param>
    /// <param name="failures">The failed recipients in report order; may repeat an address.</param>
    /// <returns>The report, or null when <paramref name="failures"/> is empty.</returns>
    public static BounceReport? FromFailures(string recogniser, IEnumerable<RecipientFailure> failures)
    {
        var all = failures.ToList();
        if (all.Count == 0) return null;
        var permanent = all.Where(f => !f.Temporary).ToList();
        var chosen = permanent.Count > 0 ? permanent : all;
        var recipients = chosen.Select(f => f.Address.ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToList();
        var first = chosen[0];
        var originals = chosen.Select(f => f.Original?.ToLowerInvariant()).OfType<string>().Where(a => a.Length > 0).Distinct().ToList();
        return new BounceReport(permanent.Count > 0 ? BounceKind.Permanent : BounceKind.Temporary, recipients,
            first.Status, first.Diagnostic, recogniser) { Originals = originals };
    }
}
