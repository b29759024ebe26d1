using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;
using LiteDB;

namespace Integreat.Lists.Storage;

/// <summary>The one LiteDB database of the process (direct mode, our own mapper) and its collections.</summary>
/// <remarks>LiteDB's global mapper trims strings and turns "" into null, and returns local times
/// (LIBRARIES.md §4.6); a private mapper and <c>UtcDate</c> avoid both. Only single auto-commit operations are
/// used, never explicit transactions across awaits (§4.3).</remarks>
public sealed class LiteStore : IDisposable
{
    readonly string _logPath;

    /// <summary>Opens (or creates) the database at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file is locked by another process or unreadable.</exception>
    /// <exception cref="StoreVersionException">The store was written by a newer release (<see cref="StoreSchema"/>).</exception>
    public LiteStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _logPath = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false, EnumAsInteger = false };
        mapper.Entity<MailingList>().Id(x => x.Address, autoId: false).Ignore(x => x.Addresses).Ignore(x => x.ListId);
        mapper.Entity<Member>().Id(x => x.Id, autoId: false);
        mapper.Entity<DeliveryJob>().Id(x => x.Id, autoId: false);
        mapper.Entity<BounceEvent>().Id(x => x.Id, autoId: false);
        mapper.Entity<PendingRequest>().Id(x => x.Id, autoId: false);
        mapper.Entity<AuditEntry>().Id(x => x.Id, autoId: false);
        mapper.Entity<RateLimitEntry>().Id(x => x.Id, autoId: false);
        mapper.Entity<Core.Moderation.HeldPost>().Id(x => x.Id, autoId: false);
        mapper.Entity<RecentPost>().Id(x => x.Id, autoId: false);
        mapper.Entity<Core.Archiving.ArchivedPost>().Id(x => x.Id, autoId: false);
        mapper.Entity<Core.Archiving.ArchiveSearchEntry>().Id(x => x.Id, autoId: false);
        Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, mapper)
        {
            UtcDate = true,
        };
        try
        {
            UpgradeBackup = StoreSchema.Upgrade(Database, path);
        }
        catch
        {
            Database.Dispose();
            throw;
        }
        Lists.EnsureIndex(x => x.Address, unique: true);
        Members.EnsureIndex(x => x.List);
        Members.EnsureIndex(x => x.Role);
        Members.EnsureIndex(BounceStateIndex, BounceStateExpression);
        Jobs.EnsureIndex(x => x.NextAttemptUtc);
        Jobs.EnsureIndex(x => x.PostId);
        Bounces.EnsureIndex(x => x.List);
        Bounces.EnsureIndex(x => x.Scored);
        Pending.EnsureIndex(x => x.List);
        Pending.EnsureIndex(x => x.ExpiresUtc);
        Audit.EnsureIndex(x => x.List);
        RateLimits.EnsureIndex(x => x.ExpiresUtc);
        Held.EnsureIndex(x => x.List);
        Recent.EnsureIndex(x => x.MessageId);
        ArchivePosts.EnsureIndex(x => x.List);
        ArchivePosts.EnsureIndex(x => x.MessageId);
        ArchivePosts.EnsureIndex(x => x.SenderAddress);
        ArchivePosts.EnsureIndex(x => x.SubjectKey);
        ArchivePosts.EnsureIndex(x => x.ThreadId);
        ArchiveSearch.EnsureIndex("terms", "$.Terms[*]");
    }

    /// <summary>The copy kept before this open upgraded the schema; null when no upgrade ran.</summary>
    public string? UpgradeBackup { get; }

    /// <summary>The database.</summary>
    public LiteDatabase Database { get; }

    /// <summary>Collection <c>lists</c>.</summary>
    public ILiteCollection<MailingList> Lists => Database.GetCollection<MailingList>("lists");

    /// <summary>Collection <c>members</c> (the rosters).</summary>
    public ILiteCollection<Member> Members => Database.GetCollection<Member>("members");

    /// <summary>The name of the index on <see cref="BounceStateExpression"/>.</summary>
    public const string BounceStateIndex = "bounce_state";

    /// <summary>True for a member with a bounce score, a pending probe or disabled delivery: LiteDB's form of
    /// <c>IRosterRepository.HasBounceState</c> (enums are stored by name), indexed so that this query reads only them.</summary>
    public const string BounceStateExpression = "($.BounceScore > 0 OR $.ProbeSentUtc != null OR $.Delivery != 'Enabled')";

    /// <summary>Collection <c>delivery_jobs</c>.</summary>
    public ILiteCollection<DeliveryJob> Jobs => Database.GetCollection<DeliveryJob>("delivery_jobs");

    /// <summary>Collection <c>bounce_events</c>.</summary>
    public ILiteCollection<BounceEvent> Bounces => Database.GetCollection<BounceEvent>("bounce_events");

    /// <summary>Collection <c>pending_requests</c> (confirmations by token hash, and approvals).</summary>
    public ILiteCollection<PendingRequest> Pending => Database.GetCollection<PendingRequest>("pending_requests");

    /// <summary>Collection <c>audit</c> (roster changes).</summary>
    public ILiteCollection<AuditEntry> Audit => Database.GetCollection<AuditEntry>("audit");

    /// <summary>Collection <c>rate_limits</c> (command reply and confirmation limits).</summary>
    public ILiteCollection<RateLimitEntry> RateLimits => Database.GetCollection<RateLimitEntry>("rate_limits");

    /// <summary>Collection <c>held_posts</c> (records of the posts in spool queue <c>hold</c>).</summary>
    public ILiteCollection<Core.Moderation.HeldPost> Held => Database.GetCollection<Core.Moderation.HeldPost>("held_posts");

    /// <summary>Collection <c>recent_posts</c> (Message-IDs and their recipients, for duplicate suppression).</summary>
    public ILiteCollection<RecentPost> Recent => Database.GetCollection<RecentPost>("recent_posts");

    /// <summary>Collection <c>archive_posts</c> (metadata of archived posts; the bytes are files, <see cref="LiteArchiveStore"/>).</summary>
    public ILiteCollection<Core.Archiving.ArchivedPost> ArchivePosts => Database.GetCollection<Core.Archiving.ArchivedPost>("archive_posts");

    /// <summary>Collection <c>archive_search</c> (the folded words of archived posts, indexed per word).</summary>
    public ILiteCollection<Core.Archiving.ArchiveSearchEntry> ArchiveSearch => Database.GetCollection<Core.Archiving.ArchiveSearchEntry>("archive_search");

    /// <summary>Makes every committed change durable by syncing LiteDB's write-ahead log (LiteDB 5 never does).</summary>
    public void Sync() => DiskSync.File(_logPath);

    /// <inheritdoc/>
    public void Dispose() => Database.Dispose();
}
