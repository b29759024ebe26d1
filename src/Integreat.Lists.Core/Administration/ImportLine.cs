namespace Integreat.Lists.Core.Administration;

/// <summary>The outcome of one row of an import.</summary>
/// <param name="Line">The 1-based line of the file where the row starts.</param>
/// <param name="Outcome">What happened to the row.</param>
/// <param name="Text">The normalised address (added, already present) or the text as written (invalid).</param>
public sealed record ImportLine(int Line, ImportOutcome Outcome, string Text);
