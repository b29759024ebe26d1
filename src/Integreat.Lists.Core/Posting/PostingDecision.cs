namespace Integreat.Lists.Core.Posting;

/// <summary>A <see cref="Disposition"/> with the rule that decided it and a readable reason for the log.</summary>
/// <param name="Disposition">What to do with the post.</param>
/// <param name="Rule">The kebab-case name of the deciding rule, e.g. <c>loop</c>, <c>nonmember-moderation</c>;
/// <c>accept</c> when no rule objected; for a hold after deferred hits, their names joined by commas.</param>
/// <param name="Reason">One line for the log and the notice: the reasons joined by "; ".</param>
public sealed record PostingDecision(Disposition Disposition, string Rule, string Reason)
{
    /// <summary>The readable reason of every rule that matched, in chain order.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The names of the rules that matched (for <c>X-Integreat-Rule-Hits</c>).</summary>
    public IReadOnlyList<string> Hits { get; init; } = [];

    /// <summary>The names of the rules that were checked and did not match (<c>X-Integreat-Rule-Misses</c>).</summary>
    public IReadOnlyList<string> Misses { get; init; } = [];
}
