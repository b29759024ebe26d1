namespace Integreat.Lists.Storage;

/// <summary>What <c>backup.json</c> in a backup says.</summary>
/// <param name="Release">The Integreat.Lists release that wrote it.</param>
/// <param name="Schema">The store's schema version (<see cref="StoreSchema"/>).</param>
/// <param name="CreatedUtc">When the backup was taken.</param>
public sealed record BackupManifest(string Release, int Schema, DateTime CreatedUtc);
