using Integreat.Lists.Core.Model;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Backups;

/// <summary>The schema version in the store: set on a new store, upgraded (with a copy first) on an old one,
/// and a store from a newer release refused with a clear message.</summary>
public sealed class StoreSchemaTests : IDisposable
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), "il-schema-" + Guid.NewGuid().ToString("N"));
    string DatabasePath => Path.Combine(_directory, "lists.db");

    [Fact]
    public void A_new_store_gets_the_current_version_without_a_copy()
    {
        using var store = new LiteStore(DatabasePath);

        Assert.Equal(StoreSchema.Current, store.Database.UserVersion);
        Assert.Null(store.UpgradeBackup);
    }

    [Fact]
    public void An_old_store_is_copied_then_upgraded()
    {
        using (var store = new LiteStore(DatabasePath))
        {
            store.Lists.Insert(MailingList.Create("bayern@lists.example.org", "Bayern", DateTime.UtcNow));
            store.Database.UserVersion = 0;
        }

        using var upgraded = new LiteStore(DatabasePath);

        Assert.Equal(StoreSchema.Current, upgraded.Database.UserVersion);
        Assert.NotNull(upgraded.UpgradeBackup);
        Assert.True(File.Exists(upgraded.UpgradeBackup));
        Assert.Equal(1, upgraded.Lists.Count());
    }

    [Fact]
    public void A_store_of_a_newer_release_is_refused_and_left_untouched()
    {
        using (var store = new LiteStore(DatabasePath)) store.Database.UserVersion = StoreSchema.Current + 1;

        var error = Assert.Throws<StoreVersionException>(() => new LiteStore(DatabasePath));

        Assert.Contains($"schema version {StoreSchema.Current + 1}", error.Message);
        Assert.Contains("newer release", error.Message);
        using var raw = new LiteDB.LiteDatabase(DatabasePath);
        Assert.Equal(StoreSchema.Current + 1, raw.UserVersion);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
