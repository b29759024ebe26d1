using Integreat.Lists.Core.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Privacy;

/// <summary>Deletes what is older than its retention (<see cref="PrivacyOptions"/>): bounce records and audit entries;
/// and archived posts of lists with an archive retention (<see cref="Model.MailingList.ArchiveRetentionYears"/>,
/// counted from archiving).</summary>
public sealed class RetentionJob(IPersonDataStore people, IOptions<PrivacyOptions> options, ILogger<RetentionJob> logger,
    IListRepository? lists = null, IArchiveStore? archive = null)
{
    /// <summary>Runs once for <paramref name="nowUtc"/>.</summary>
    /// <returns>How many bounce records and audit entries were deleted.</returns>
    public (int BounceRecords, int AuditEntries) Run(DateTime nowUtc)
    {
        var settings = options.Value;
        var bounces = settings.BounceRecordRetention > TimeSpan.Zero ? people.DeleteBounceRecordsBefore(nowUtc - settings.BounceRecordRetention) : 0;
        var audit = settings.AuditRetention > TimeSpan.Zero ? people.DeleteAuditBefore(nowUtc - settings.AuditRetention) : 0;
        var posts = DeleteArchived(nowUtc);
        if (bounces + audit + posts > 0)
            logger.LogInformation("retention: deleted {Bounces} bounce records, {Audit} audit entries and {Posts} archived posts", bounces, audit, posts);
        return (bounces, audit);
    }

    int DeleteArchived(DateTime nowUtc)
    {
        if (lists is null || archive is null) return 0;
        var deleted = 0;
        foreach (var list in lists.All().Where(l => l.ArchiveRetentionYears > 0))
        {
            foreach (var post in archive.ArchivedBefore(list.Address, nowUtc.AddYears(-list.ArchiveRetentionYears)))
            {
                archive.Delete(post);
                deleted++;
            }
        }
        return deleted;
    }
}
