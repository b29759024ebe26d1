namespace Integreat.Lists.Core.Posting;

/// <summary>A <see cref="Disposition"/> with the rule that decided it and a readable reason for the log.</summary>
/// <param name="Disposition">What to do with the post.</param>
/// <param name="Rule">The kebab-case name of the deciding rule, e.g. <c>loop</c>, <c>nonmember</c>, <c>member</c>.</param>
/// <param name="Reason">One line for the log and the notice.</param>
public sealed record PostingDecision(Disposition Disposition, string Rule, string Reason);
