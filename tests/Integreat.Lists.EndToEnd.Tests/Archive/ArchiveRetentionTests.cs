using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.EndToEnd.Tests.Privacy;
using Integreat.Lists.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Archive;

/// <summary>The daily retention job on the injected clock deletes archived posts older than their list's archive
/// retention (bytes and all); a list that keeps its archive for ever keeps even old posts.</summary>
public sealed class ArchiveRetentionTests
{
    const string Hessen = "hessen@lists.integreat.example";
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_day_later_posts_past_their_lists_archive_retention_are_gone_and_the_rest_stay()
    {
        await using var daemon = await TestDaemon.StartAsync(null, services: services => services.AddSingleton<TimeProvider>(_clock));
        var runner = daemon.Get<RetentionRunner>();
        await RetentionTests.WaitForRunsAsync(runner, 1);
        var now = _clock.GetUtcNow().UtcDateTime;
        var lists = daemon.Get<IListRepository>();
        var bayern = lists.Find(TestDaemon.Bayern)!;
        bayern.ArchiveRetentionYears = 2;
        lists.Update(bayern);
        lists.Insert(MailingList.Create(Hessen, "Hessen", now));
        var archive = (LiteArchiveStore)daemon.Get<IArchiveStore>();
        foreach (var list in new[] { TestDaemon.Bayern, Hessen })
        {
            ArchivePrivacyTests.Record(archive, list[..2] + "-old", list, "erika@example.org", "Alt", "alt\r\n", now.AddYears(-2).AddDays(1));
            ArchivePrivacyTests.Record(archive, list[..2] + "-new", list, "erika@example.org", "Neu", "neu\r\n", now.AddYears(-1));
        }
        var old = archive.Find(TestDaemon.Bayern, "ba-old")!;

        var second = RetentionTests.WaitForRunsAsync(runner, 2);
        _clock.Advance(TimeSpan.FromDays(2));
        await second;

        Assert.Equal(["ba-new"], archive.ForList(TestDaemon.Bayern).Select(p => p.Id));
        Assert.Equal(["he-new", "he-old"], archive.ForList(Hessen).Select(p => p.Id).Order());
        Assert.Throws<FileNotFoundException>(() => archive.Raw(old));
        Assert.Empty(archive.WithTermPrefix(TestDaemon.Bayern, "alt"));
    }
}
