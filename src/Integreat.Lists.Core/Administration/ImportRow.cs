namespace Integreat.Lists.Core.Administration;

/// <summary>One data row of a roster import file, as read (not yet validated).</summary>
/// <param name="Line">The 1-based line of the file where the row starts, for the report.</param>
/// <param name="Address">The address as written in the file.</param>
/// <param name="Name">The display name, or empty.</param>
public sealed record ImportRow(int Line, string Address, string Name);
