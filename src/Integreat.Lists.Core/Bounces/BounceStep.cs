namespace Integreat.Lists.Core.Bounces;

/// <summary>What a bounce or a maintenance pass did to a member's bounce state; the caller sends the mail it implies.</summary>
public enum BounceStep
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>Recorded only: weight 0 (a policy rejection), the member's delivery is already disabled, or a bounce
    /// already counted within <c>Bounces:ScoreInterval</c>.</summary>
    Recorded,

    /// <summary>The score rose and stays below the threshold.</summary>
    Scored,

    /// <summary>The score reached the threshold: send the probe now (its time is set).</summary>
    ProbeDue,

    /// <summary>A bounce came while the probe was pending: delivery is disabled (by-bounces); send the first warning.</summary>
    Disabled,

    /// <summary>The probe was not bounced within <c>Bounces:ProbeWait</c>: the score is 0 again.</summary>
    ProbePassed,

    /// <summary>No bounce for <c>Bounces:ResetAfter</c>: the score is 0 again.</summary>
    ScoreReset,

    /// <summary>Send the next warning (its count and time are set).</summary>
    Warn,

    /// <summary>The last warning went unanswered for <c>Bounces:WarningInterval</c>: remove the member.</summary>
    Remove,
}
