using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Storage;
using Integreat.Lists.Testing;
using LiteDB;
using CliEntry = Integreat.Lists.Daemon.Cli.Cli;

namespace Integreat.Lists.EndToEnd.Tests.Backups;

/// <summary><c>backup</c> while the daemon takes and delivers posts, then <c>restore</c> into a fresh directory.</summary>
public sealed class BackupTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    const int Posts = 6;
    const int Members = 8;
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    string _fresh = "";

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        // Slow DATA replies keep deliveries in flight while the backup runs.
        _smarthost.DataDelay = TimeSpan.FromMilliseconds(20);
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _daemon.AddMembers(Enumerable.Range(0, Members).Select(i => $"m{i}@example.org"));
        _fresh = Path.Combine(_daemon.Directory, "fresh");
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    [Fact]
    public async Task A_backup_taken_while_posts_flow_restores_whole_and_a_quiet_one_restores_equal()
    {
        var firstAccepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < Posts; i++)
            {
                await _daemon.PostAsync(Messages.Post("m0@example.org", $"Post {i}"), "m0@example.org", TestDaemon.Bayern);
                firstAccepted.TrySetResult();
            }
        });
        await firstAccepted.Task.WaitAsync(Timeout);

        var flowing = Path.Combine(_daemon.Directory, "flowing.tar.gz");
        Assert.Equal(0, await InDaemonAsync("backup", flowing));
        await posting.WaitAsync(Timeout);
        await _smarthost.WaitForRecipientsAsync(Posts * Members, Timeout);

        Assert.Equal(0, await RestoreAsync(flowing, "flowing"));
        using (var restored = new LiteStore(Path.Combine(_fresh, "flowing", "lists.db")))
        {
            Assert.Equal(Members, restored.Members.Count());
            var outgoing = new FileOutgoingStore(Path.Combine(_fresh, "flowing", "spool"));
            // The runners paused between units of work: every job restored has its message.
            foreach (var job in restored.Jobs.FindAll()) Assert.NotEmpty(outgoing.Read(job.PostId));
            var spool = new FileSpool(Path.Combine(_fresh, "flowing", "spool"));
            foreach (var id in spool.List(QueueName.In)) Assert.NotEmpty(spool.Read(QueueName.In, id).Raw);
            // Every archived post restored has its bytes (archive/ is part of the backup).
            var archive = new LiteArchiveStore(restored, Path.Combine(_fresh, "flowing", "archive"));
            foreach (var post in restored.ArchivePosts.FindAll()) Assert.NotEmpty(archive.Raw(post));
        }

        await _daemon.WaitForDispatcherIdleAsync(next => next is null, Timeout);
        Assert.Equal(0, await InDaemonAsync("dkim", "keygen", "lists.integreat.example"));
        var quiet = Path.Combine(_daemon.Directory, "quiet.tar.gz");
        Assert.Equal(0, await InDaemonAsync("backup", quiet));
        Assert.Equal(0, await RestoreAsync(quiet, "quiet"));
        // The keys come back too: without them a restored server signs nothing and every sign-in cookie is void.
        var data = Path.GetFullPath(_daemon.Get<Integreat.Lists.Daemon.Configuration.Settings>().Storage.Directory);
        var keys = new[] { "dkim", "web-keys" }.Where(d => Directory.Exists(Path.Combine(data, d)))
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(data, d), "*", SearchOption.AllDirectories)).ToList();
        Assert.Contains(keys, k => k.EndsWith(".pem", StringComparison.Ordinal));
        foreach (var key in keys)
            Assert.Equal(File.ReadAllBytes(key), File.ReadAllBytes(Path.Combine(_fresh, "quiet", Path.GetRelativePath(data, key))));
        // Private keys stay private: in the backup file and after the restore.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(quiet));
            foreach (var key in keys)
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_fresh, "quiet", Path.GetRelativePath(data, key))));
            foreach (var root in new[] { "dkim", "web-keys" }.Select(d => Path.Combine(_fresh, "quiet", d)).Where(Directory.Exists))
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
        }
        using var copy = new LiteStore(Path.Combine(_fresh, "quiet", "lists.db"));
        var live = _daemon.Get<LiteStore>();
        Assert.Equal(Posts, copy.ArchivePosts.Count());
        foreach (var collection in new[] { "lists", "members", "delivery_jobs", "bounce_events", "audit", "archive_posts" })
            Assert.Equal(Dump(live.Database, collection), Dump(copy.Database, collection));
    }

    [Fact]
    public async Task Restore_refuses_a_directory_that_already_holds_a_store()
    {
        var file = Path.Combine(_daemon.Directory, "b.tar.gz");
        Assert.Equal(0, await InDaemonAsync("backup", file));
        Assert.Equal(0, await RestoreAsync(file, "twice"));

        Assert.Equal(1, await RestoreAsync(file, "twice"));
    }

    static string Dump(ILiteDatabase database, string collection)
        => string.Join('\n', database.GetCollection(collection).FindAll().Select(d => d.ToString()).Order(StringComparer.Ordinal));

    async Task<int> InDaemonAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliEntry.RunInDaemonAsync(args, _daemon.Services, output, error, CancellationToken.None);
        Assert.True(code == 0, error.ToString());
        return code;
    }

    async Task<int> RestoreAsync(string file, string name)
    {
        var config = Path.Combine(_daemon.Directory, name + ".json");
        await File.WriteAllTextAsync(config, System.Text.Json.JsonSerializer.Serialize(new
        {
            Storage = new { Directory = Path.Combine(_fresh, name) },
            Smtp = new { Listen = new[] { "127.0.0.1:0" } },
            Lists = Array.Empty<object>(),
        }));
        using var output = new StringWriter();
        using var error = new StringWriter();
        return await CliEntry.RunAsync(["restore", file, "--config", config], output, error);
    }
}
