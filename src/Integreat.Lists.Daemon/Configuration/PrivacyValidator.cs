using Integreat.Lists.Core.Privacy;

namespace Integreat.Lists.Daemon.Configuration;

/// <summary>Checks section <c>Privacy</c>, one sentence per problem.</summary>
public static class PrivacyValidator
{
    /// <summary>Returns the problems; empty when the section is usable.</summary>
    public static IReadOnlyList<string> Validate(PrivacyOptions privacy)
    {
        var problems = new List<string>();
        if (privacy.ForgetAudit is not (PrivacyOptions.Pseudonymise or PrivacyOptions.Delete))
            problems.Add($"Privacy:ForgetAudit '{privacy.ForgetAudit}' must be 'pseudonymise' or 'delete'.");
        if (privacy.ForgetArchive is not (PrivacyOptions.Pseudonymise or PrivacyOptions.Delete))
            problems.Add($"Privacy:ForgetArchive '{privacy.ForgetArchive}' must be 'pseudonymise' or 'delete'.");
        if (privacy.BounceRecordRetention < TimeSpan.Zero) problems.Add("Privacy:BounceRecordRetention must not be negative (0 keeps records for ever).");
        if (privacy.AuditRetention < TimeSpan.Zero) problems.Add("Privacy:AuditRetention must not be negative (0 keeps entries for ever).");
        if (privacy.RetentionInterval < TimeSpan.FromMinutes(1)) problems.Add("Privacy:RetentionInterval must be at least 00:01:00.");
        return problems;
    }
}
