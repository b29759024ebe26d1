namespace Integreat.Lists.Core.Configuration;

/// <summary>Settings of section <c>Bounces</c>: how bounces score a member, and what happens at the threshold.</summary>
/// <remarks>The score is per member per list. At <see cref="Threshold"/> one probe goes out; a bounce of it disables
/// delivery, and <see cref="Warnings"/> warnings <see cref="WarningInterval"/> apart precede removal.</remarks>
public sealed class BounceOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Bounces";

    /// <summary>Score of a permanent bounce (5.x.x, a 5xx reply of our own delivery).</summary>
    public double PermanentWeight { get; set; } = 1.0;

    /// <summary>Score of a temporary bounce (4.x.x, <c>Action: delayed</c>, delivery given up on a 4xx).</summary>
    public double TemporaryWeight { get; set; } = 0.5;

    /// <summary>Score of a rejection for policy (5.7.x with policy, DMARC or spam wording): it says nothing about
    /// the mailbox, so it is recorded but weighs 0 by default.</summary>
    public double PolicyWeight { get; set; }

    /// <summary>The score at which the probe is sent.</summary>
    public double Threshold { get; set; } = 5.0;

    /// <summary>At most one bounce per member and list counts within this time.</summary>
    public TimeSpan ScoreInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The score returns to 0 when no bounce came for this long.</summary>
    public TimeSpan ResetAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A probe that has not bounced after this long counts as delivered, and the score returns to 0.</summary>
    public TimeSpan ProbeWait { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How many "delivery disabled" warnings a member gets before removal.</summary>
    public int Warnings { get; set; } = 3;

    /// <summary>Time between warnings, and between the last warning and removal.</summary>
    public TimeSpan WarningInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>When true, a spam complaint (ARF) about a member disables delivery to that member.</summary>
    public bool DisableOnComplaint { get; set; }

    /// <summary>How often the bounce runner checks probes, warnings, removals and score resets.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);
}
