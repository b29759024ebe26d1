using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Privacy;

/// <summary>The daily retention job on the injected clock: bounce records and audit entries past their retention
/// go, on every list; younger ones stay.</summary>
public sealed class RetentionTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    const string Hessen = "hessen@lists.integreat.example";
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_day_later_the_job_deletes_what_aged_past_its_retention_on_both_lists()
    {
        await using var daemon = await TestDaemon.StartAsync(null, settings =>
        {
            settings.Privacy.BounceRecordRetention = TimeSpan.FromDays(180);
            settings.Privacy.AuditRetention = TimeSpan.FromDays(730);
        }, services => services.AddSingleton<TimeProvider>(_clock));
        var runner = daemon.Get<RetentionRunner>();
        await WaitForRunsAsync(runner, 1);
        var now = _clock.GetUtcNow().UtcDateTime;
        daemon.Get<IListRepository>().Insert(MailingList.Create(Hessen, "Hessen", now));
        var bounces = daemon.Get<IBounceEventStore>();
        var audit = daemon.Get<IAuditLog>();
        foreach (var list in new[] { TestDaemon.Bayern, Hessen })
        {
            bounces.Add(new BounceEvent { List = list, Address = "old@example.org", Dsn = "5.1.1", TimeUtc = now - TimeSpan.FromDays(175) });
            bounces.Add(new BounceEvent { List = list, Address = "new@example.org", Dsn = "5.1.1", TimeUtc = now - TimeSpan.FromDays(1) });
            audit.Add(AuditEntry.Create(list, now - TimeSpan.FromDays(728), "cli", "cli", "members add old@example.org", "added"));
            audit.Add(AuditEntry.Create(list, now - TimeSpan.FromDays(2), "cli", "cli", "members add new@example.org", "added"));
        }

        var second = WaitForRunsAsync(runner, 2);
        _clock.Advance(TimeSpan.FromDays(10));
        await second;

        foreach (var list in new[] { TestDaemon.Bayern, Hessen })
        {
            Assert.Equal(["new@example.org"], bounces.ForList(list).Select(b => b.Address));
            Assert.Equal(["members add new@example.org"], audit.ForList(list).Where(e => e.Command.Contains("@example.org")).Select(e => e.Command));
        }
    }

    internal static Task WaitForRunsAsync(RetentionRunner runner, int runs)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler((int, int) _)
        {
            if (runner.Runs >= runs) done.TrySetResult();
        }
        runner.Finished += Handler;
        if (runner.Runs >= runs) done.TrySetResult();
        return done.Task.WaitAsync(Timeout).ContinueWith(t => { runner.Finished -= Handler; return t; }).Unwrap();
    }
}
