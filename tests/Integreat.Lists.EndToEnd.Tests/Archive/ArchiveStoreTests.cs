using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Privacy;
using Integreat.Lists.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Archive;

/// <summary>The archive store on a real LiteDB in a temp directory: a rerun archives nothing twice, and
/// <c>Privacy:ForgetArchive = delete</c> removes a forgotten person's posts with their bytes.</summary>
public sealed class ArchiveStoreTests : IDisposable
{
    const string ListA = "a@lists.example.org";
    const string ListB = "b@lists.example.org";
    readonly string _directory = Path.Combine(Path.GetTempPath(), "il-archive-" + Guid.NewGuid().ToString("N")[..12]);
    readonly LiteStore _store;
    readonly LiteArchiveStore _archive;

    public ArchiveStoreTests()
    {
        _store = new LiteStore(Path.Combine(_directory, "lists.db"));
        _archive = new LiteArchiveStore(_store, Path.Combine(_directory, "archive"));
    }

    [Fact]
    public void Recording_the_same_post_id_again_keeps_one_post_and_its_first_bytes()
    {
        var first = ArchivePrivacyTests.Record(_archive, "p1", ListA, "erika@example.org", "Treffen", "Erste Fassung\r\n");
        var again = ArchivePrivacyTests.Record(_archive, "p1", ListA, "erika@example.org", "Treffen", "Zweite Fassung\r\n");

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Single(_archive.ForList(ListA));
        Assert.Contains("Erste Fassung", System.Text.Encoding.UTF8.GetString(_archive.Raw(_archive.Find(ListA, "p1")!)));
        Assert.Null(_archive.Find(ListB, "p1"));
    }

    [Fact]
    public void Forget_with_archive_deletion_removes_the_persons_posts_on_both_lists_and_keeps_the_others()
    {
        var a = ArchivePrivacyTests.Record(_archive, "p1", ListA, "Erika Muster <erika@example.org>", "Treffen", "Hallo\r\n");
        ArchivePrivacyTests.Record(_archive, "p2", ListB, "erika@example.org", "Frage", "Hallo\r\n");
        ArchivePrivacyTests.Record(_archive, "p3", ListA, "max@example.net", "Re: Treffen", "Antwort\r\n");
        var service = new PersonDataService(new LitePersonDataStore(_store), new LiteRosterRepository(_store), new LiteAuditLog(_store),
            Options.Create(new PrivacyOptions { ForgetArchive = PrivacyOptions.Delete }), new FakeTimeProvider(), archive: _archive);

        var report = service.Forget("erika@example.org");

        Assert.Equal(2, report.ArchivedPosts);
        Assert.Equal(["p3"], _archive.ForList(ListA).Select(p => p.Id));
        Assert.Empty(_archive.ForList(ListB));
        Assert.Throws<FileNotFoundException>(() => _archive.Raw(a));
        Assert.Empty(_archive.ByAuthor("erika@example.org"));
    }

    public void Dispose()
    {
        _store.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
