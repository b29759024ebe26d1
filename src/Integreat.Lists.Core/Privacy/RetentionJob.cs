using Integreat.Lists.Core.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Privacy;

/// <summary>Deletes what is older than its retention (<see cref="PrivacyOptions"/>): bounce records and audit entries.</summary>
public sealed class RetentionJob(IPersonDataStore people, IOptions<PrivacyOptions> options, ILogger<RetentionJob> logger)
{
    /// <summary>Runs once for <paramref name="nowUtc"/>.</summary>
    /// <returns>How many bounce records and audit entries were deleted.</returns>
    public (int BounceRecords, int AuditEntries) Run(DateTime nowUtc)
    {
        var settings = options.Value;
        var bounces = settings.BounceRecordRetention > TimeSpan.Zero ? people.DeleteBounceRecordsBefore(nowUtc - settings.BounceRecordRetention) : 0;
        var audit = settings.AuditRetention > TimeSpan.Zero ? people.DeleteAuditBefore(nowUtc - settings.AuditRetention) : 0;
        if (bounces + audit > 0)
            logger.LogInformation("retention: deleted {Bounces} bounce records and {Audit} audit entries", bounces, audit);
        return (bounces, audit);
    }
}
