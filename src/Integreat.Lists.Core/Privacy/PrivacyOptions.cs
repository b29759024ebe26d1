namespace Integreat.Lists.Core.Privacy;

/// <summary>Settings of section <c>Privacy</c>: what <c>person forget</c> does to the audit log, and how long
/// records about people are kept (DSGVO Art. 5(1)(e) storage limitation, Art. 17 erasure).</summary>
public sealed class PrivacyOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Privacy";

    /// <summary><see cref="ForgetAudit"/>: the address in audit entries is replaced by a pseudonym.</summary>
    public const string Pseudonymise = "pseudonymise";

    /// <summary><see cref="ForgetAudit"/>: audit entries naming the address are deleted.</summary>
    public const string Delete = "delete";

    /// <summary><see cref="Pseudonymise"/> or <see cref="Delete"/>.</summary>
    public string ForgetAudit { get; set; } = Pseudonymise;

    /// <summary>What <c>person forget</c> does to the person's archived posts: <see cref="Pseudonymise"/> keeps them
    /// under the pseudonym (<see cref="Archiving.ArchivePseudonymiser"/>), <see cref="Delete"/> removes them.</summary>
    public string ForgetArchive { get; set; } = Pseudonymise;

    /// <summary>How long bounce records are kept; zero keeps them for ever.</summary>
    public TimeSpan BounceRecordRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long audit entries are kept; zero keeps them for ever.</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>True: log lines name addresses by a keyed pseudonym (<see cref="LogAddresses"/>) instead of the address.</summary>
    public bool PseudonymiseLogs { get; set; }

    /// <summary>How often the retention job runs (on the injected clock).</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);
}
