namespace Integreat.Lists.Core.Administration;

/// <summary>The result of <see cref="ListAdministration.Import"/>: one line per row, in file order.</summary>
/// <remarks>An import is all or nothing: when any row is invalid, <see cref="Lines"/> holds only the invalid rows
/// and the roster is unchanged.</remarks>
/// <param name="Lines">The outcome of each row (only the invalid ones when <see cref="Imported"/> is false).</param>
public sealed record ImportReport(IReadOnlyList<ImportLine> Lines)
{
    /// <summary>True when the rows were applied; false when invalid rows stopped the whole import.</summary>
    public bool Imported => Lines.All(l => l.Outcome != ImportOutcome.Invalid);

    /// <summary>How many addresses were added.</summary>
    public int Added => Lines.Count(l => l.Outcome == ImportOutcome.Added);

    /// <summary>How many rows named an address already on the roster (or repeated in the file).</summary>
    public int AlreadyPresent => Lines.Count(l => l.Outcome == ImportOutcome.AlreadyPresent);

    /// <summary>How many rows named an address forgotten on request, skipped.</summary>
    public int Forgotten => Lines.Count(l => l.Outcome == ImportOutcome.Forgotten);
}
