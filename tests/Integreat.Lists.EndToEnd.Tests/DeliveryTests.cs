using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>Delivery failure policy end to end: 5xx bounces one member, 4xx and broken connections retry with
/// back-off on the injected clock, and nothing is lost or doubled.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    static readonly string[] Members = ["erika@example.org", "max@example.net", "jana@kommune.de"];
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    FakeSmarthost _smarthost = null!;
    TestDaemon? _daemon;

    public async Task InitializeAsync() => _smarthost = await FakeSmarthost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_daemon is not null) await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    async Task<TestDaemon> StartDaemonAsync(string smartHost, bool verp = true, TimeSpan? commandTimeout = null)
    {
        _daemon = await TestDaemon.StartAsync(smartHost, s =>
            {
                s.Delivery.Verp = verp;
                s.Delivery.MaxRetryDelay = TimeSpan.FromDays(1);
                if (commandTimeout is { } timeout) s.Delivery.CommandTimeout = timeout;
            },
            services => services.AddSingleton<TimeProvider>(_clock));
        _daemon.AddMembers(Members);
        return _daemon;
    }

    DateTime FirstRetry => _clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(5);

    [Fact]
    public async Task APermanentFailureBouncesOneMemberAndTheOthersStillGetThePost()
    {
        _smarthost.ScriptAlways("max@example.net", "550 5.1.1 no such user");
        var daemon = await StartDaemonAsync(_smarthost.HostPort);
        var finished = daemon.WaitForAttemptAsync((_, done) => done, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        await finished;
        Assert.Equal(["erika@example.org", "jana@kommune.de"], _smarthost.DeliveredTo.Order());
        var bounce = Assert.Single(daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));
        Assert.Equal("max@example.net", bounce.Address);
        Assert.Equal("5.1.1", bounce.Dsn);
        Assert.Empty(daemon.Get<IDeliveryQueue>().All());
    }

    [Fact]
    public async Task TheAnnouncedSizeIsTheLengthOfTheMessageSent()
    {
        var daemon = await StartDaemonAsync(_smarthost.HostPort);
        var finished = daemon.WaitForAttemptAsync((_, done) => done, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        await finished;
        Assert.Equal(3, _smarthost.Messages.Count);
        Assert.All(_smarthost.Messages, m => Assert.Equal(m.Data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            m.MailParameters.First(p => p.Key.Equals("SIZE", StringComparison.OrdinalIgnoreCase)).Value));
    }

    [Fact]
    public async Task ATemporaryFailureIsRetriedAfterTheBackOff()
    {
        _smarthost.Script("jana@kommune.de", "451 4.7.1 greylisted");
        var daemon = await StartDaemonAsync(_smarthost.HostPort);
        var deferred = daemon.WaitForAttemptAsync((_, done) => !done, Timeout);
        var retry = FirstRetry;
        var idle = daemon.WaitForDispatcherIdleAsync(next => next == retry, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await deferred;
        await idle;
        var job = Assert.Single(daemon.Get<IDeliveryQueue>().All());
        Assert.Equal(["jana@kommune.de"], job.Recipients);
        Assert.Equal(retry, job.NextAttemptUtc);
        Assert.Equal(2, _smarthost.DeliveredTo.Count);

        _clock.Advance(TimeSpan.FromMinutes(5));

        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.Equal(Members.Order(), _smarthost.DeliveredTo.Order());
    }

    [Fact]
    public async Task A421MidSessionAndAFailedDataAreRetriedWithoutDuplicates()
    {
        _smarthost.Disconnect421Next(1);
        _smarthost.FailDataOnce("451 4.3.0 queue full");
        var daemon = await StartDaemonAsync(_smarthost.HostPort);
        var retry = FirstRetry;
        var idle = daemon.WaitForDispatcherIdleAsync(next => next == retry, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await idle;
        _clock.Advance(TimeSpan.FromMinutes(5));

        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.Equal(Members.Order(), _smarthost.DeliveredTo.Order());
    }

    [Fact]
    public async Task WhenTheSmarthostIsDownThePostWaitsAndGoesOutOnceItIsBack()
    {
        var port = _smarthost.Port;
        await _smarthost.StopAsync();
        var daemon = await StartDaemonAsync($"127.0.0.1:{port}");
        var retry = FirstRetry;
        var idle = daemon.WaitForDispatcherIdleAsync(next => next == retry, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await idle;
        var job = Assert.Single(daemon.Get<IDeliveryQueue>().All());
        Assert.StartsWith("4.4.1 cannot connect", job.LastError);

        await _smarthost.DisposeAsync();
        _smarthost = await FakeSmarthost.StartAsync(port);
        _clock.Advance(TimeSpan.FromMinutes(5));

        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.Equal(Members.Order(), _smarthost.DeliveredTo.Order());
    }

    [Fact]
    public async Task DeliveryGivesUpAfterGiveUpAfterAndRecordsABounce()
    {
        _smarthost.ScriptAlways("jana@kommune.de", "451 4.2.2 mailbox full");
        var daemon = await StartDaemonAsync(_smarthost.HostPort);
        // Fourteen attempts on a loaded 2-core machine: a generous upper bound, not a timing.
        var gaveUp = daemon.WaitForAttemptAsync((_, done) => done, TimeSpan.FromSeconds(180));
        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        var start = _clock.GetUtcNow();
        while (!gaveUp.IsCompleted)
        {
            // Wait until the dispatcher sleeps until a later due time, then jump the clock there.
            var now = _clock.GetUtcNow().UtcDateTime;
            DateTime? next = null;
            await Task.WhenAny(gaveUp, daemon.WaitForDispatcherIdleAsync(n => (next = n) > now, TimeSpan.FromSeconds(180)));
            if (next is { } due && !gaveUp.IsCompleted) _clock.SetUtcNow(new DateTimeOffset(due, TimeSpan.Zero));
        }
        await gaveUp;

        Assert.True(_clock.GetUtcNow() - start >= TimeSpan.FromDays(5));
        var bounce = Assert.Single(daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));
        Assert.Equal("jana@kommune.de", bounce.Address);
        Assert.Equal("4.4.7", bounce.Dsn);
        Assert.Empty(daemon.Get<IDeliveryQueue>().All());
        Assert.Equal(2, _smarthost.DeliveredTo.Count);
    }

    [Fact]
    public async Task ASmarthostSlowerThanTheCommandTimeoutDefersAndTheRetryDelivers()
    {
        _smarthost.DataDelay = TimeSpan.FromSeconds(3);
        var daemon = await StartDaemonAsync(_smarthost.HostPort, verp: false, commandTimeout: TimeSpan.FromSeconds(1));
        var retry = FirstRetry;
        var idle = daemon.WaitForDispatcherIdleAsync(next => next == retry, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await idle;
        var job = Assert.Single(daemon.Get<IDeliveryQueue>().All());
        Assert.False(job.Shunted);
        Assert.Equal(Members.Order(), job.Recipients.Order());

        _smarthost.DataDelay = TimeSpan.Zero;
        _clock.Advance(TimeSpan.FromMinutes(5));

        // The timed-out transaction was still taken by the slow server (a duplicate is the known price of a
        // timeout in flight); the retry is the second copy, and the job is done.
        await _smarthost.WaitForAsync(h => h.Messages.Count == 2, Timeout);
        Assert.All(_smarthost.Messages, m => Assert.Equal(Members.Order(), m.Recipients.Order()));
    }

    [Fact]
    public async Task WithoutVerpOneTransactionCarriesTheWholeBatch()
    {
        var daemon = await StartDaemonAsync(_smarthost.HostPort, verp: false);
        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        var copy = Assert.Single(_smarthost.Messages);
        Assert.Equal("bayern-bounces@lists.integreat.example", copy.Sender);
        Assert.Equal(Members.Order(), copy.Recipients.Order());
    }
}
