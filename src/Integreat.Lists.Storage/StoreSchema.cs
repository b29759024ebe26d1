using LiteDB;

namespace Integreat.Lists.Storage;

/// <summary>The store's schema version, kept in LiteDB's <c>UserVersion</c>, and the upgrades between versions.</summary>
/// <remarks>At open: a newer version than <see cref="Current"/> is refused (an older binary must not change data it
/// does not understand); an older one is upgraded, after a copy of the file is kept beside it
/// (<c>lists.db.schemaN-TIMESTAMP.bak</c>).</remarks>
public static class StoreSchema
{
    /// <summary>The schema this binary writes. 1: lists, members, delivery jobs, bounce events, pending requests, audit.</summary>
    public const int Current = 1;

    /// <summary>Checks and upgrades the open database at <paramref name="path"/>.</summary>
    /// <returns>The backup made before an upgrade; null when none was needed.</returns>
    /// <exception cref="StoreVersionException">The store's version is newer than <see cref="Current"/>.</exception>
    public static string? Upgrade(LiteDatabase database, string path)
    {
        var version = database.UserVersion;
        if (version > Current)
            throw new StoreVersionException($"the store {path} has schema version {version}, but this Integreat.Lists knows only " +
                $"versions up to {Current}: it was written by a newer release. Run that release (or newer), or restore a backup made by this one.");
        if (version == Current) return null;
        string? backup = null;
        if (database.GetCollectionNames().Any())
        {
            database.Checkpoint();
            backup = $"{path}.schema{version}-{DateTime.UtcNow:yyyyMMddHHmmss}.bak";
            File.Copy(path, backup, overwrite: false);
            DiskSync.File(backup);
        }
        // Version 0 is the store before versioning; its shape is version 1. Later upgrades go here, one step each.
        database.UserVersion = Current;
        database.Checkpoint();
        return backup;
    }
}
