using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>More smarthost faults, each ending in the right state: 452 too many recipients (delivered in the next
/// transaction), 552 to RCPT (deferred, RFC 5321 §4.5.3.1.10), 552 and 554 to DATA (bounced), a failed TLS handshake
/// (deferred with doubling back-off, delivered once TLS works).</summary>
public sealed class DeliveryFaultTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    static readonly string[] Members = ["erika@example.org", "max@example.net", "jana@kommune.de"];
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    FakeSmarthost? _smarthost;
    TestDaemon? _daemon;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_daemon is not null) await _daemon.DisposeAsync();
        if (_smarthost is not null) await _smarthost.DisposeAsync();
    }

    async Task<TestDaemon> StartAsync(FakeSmarthost smarthost, bool verp = true)
    {
        _smarthost = smarthost;
        // The TLS test's smarthost has a self-signed certificate; opportunistic TLS verifies it, so take any.
        _daemon = await TestDaemon.StartAsync(smarthost.HostPort, s => (s.Delivery.Verp, s.Delivery.SmartHostCheckCertificate) = (verp, false),
            services => services.AddSingleton<TimeProvider>(_clock));
        _daemon.AddMembers(Members);
        return _daemon;
    }

    DateTime In(TimeSpan delay) => _clock.GetUtcNow().UtcDateTime + delay;

    [Fact]
    public async Task RecipientsOverTheSmarthostsLimitGoInTheNextTransactionAtOnce()
    {
        var smarthost = await FakeSmarthost.StartAsync();
        smarthost.RecipientLimit = 2;
        var daemon = await StartAsync(smarthost, verp: false);
        var finished = daemon.WaitForAttemptAsync((_, done) => done, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        await finished;
        Assert.Equal([2, 1], smarthost.Messages.Select(m => m.Recipients.Count));
        Assert.Equal(Members.Order(), smarthost.DeliveredTo.Order());
        Assert.Empty(daemon.Get<IDeliveryQueue>().All());
        Assert.Empty(daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));
    }

    [Fact]
    public async Task A552ToRcptIsTemporaryAndRetriedAfterTheBackOff()
    {
        var smarthost = await FakeSmarthost.StartAsync();
        smarthost.Script("jana@kommune.de", "552 5.5.3 too many recipients");
        var daemon = await StartAsync(smarthost);
        var retry = In(TimeSpan.FromMinutes(5));
        var idle = daemon.WaitForDispatcherIdleAsync(next => next == retry, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await idle;
        var job = Assert.Single(daemon.Get<IDeliveryQueue>().All());
        Assert.Equal(["jana@kommune.de"], job.Recipients);
        Assert.Empty(daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));

        _clock.Advance(TimeSpan.FromMinutes(5));
        await smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.Equal(Members.Order(), smarthost.DeliveredTo.Order());
    }

    [Theory]
    [InlineData("552 5.3.4 message too big", "5.3.4")]
    [InlineData("554 5.7.1 rejected as spam", "5.7.1")]
    public async Task APermanentRefusalOfTheDataBouncesItsRecipientsWithoutRetry(string reply, string dsn)
    {
        var smarthost = await FakeSmarthost.StartAsync();
        smarthost.FailDataOnce(reply);
        var daemon = await StartAsync(smarthost, verp: false);
        var finished = daemon.WaitForAttemptAsync((_, done) => done, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        await finished;
        Assert.Empty(smarthost.Messages);
        var bounces = daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern);
        Assert.Equal(Members.Order(), bounces.Select(b => b.Address).Order());
        Assert.All(bounces, b => Assert.Equal(dsn, b.Dsn));
        Assert.Empty(daemon.Get<IDeliveryQueue>().All());
    }

    [Fact]
    public async Task AFailedTlsHandshakeDefersWithDoublingBackOffAndDeliversOnceTlsWorks()
    {
        var smarthost = await FakeSmarthost.StartWithTlsAsync();
        smarthost.TlsBroken = true;
        var daemon = await StartAsync(smarthost);
        var first = In(TimeSpan.FromMinutes(5));
        var idle = daemon.WaitForDispatcherIdleAsync(next => next == first, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await idle;
        var job = Assert.Single(daemon.Get<IDeliveryQueue>().All());
        Assert.StartsWith("4.4.1 cannot connect", job.LastError);
        Assert.Equal(Members.Order(), job.Recipients.Order());

        // Still broken at the first retry: the next one is twice as far off.
        var second = first + TimeSpan.FromMinutes(10);
        idle = daemon.WaitForDispatcherIdleAsync(next => next == second, Timeout);
        _clock.SetUtcNow(new DateTimeOffset(first, TimeSpan.Zero));
        await idle;
        Assert.Equal(2, Assert.Single(daemon.Get<IDeliveryQueue>().All()).Attempts);
        Assert.Empty(smarthost.Messages);

        smarthost.TlsBroken = false;
        _clock.SetUtcNow(new DateTimeOffset(second, TimeSpan.Zero));
        await smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.Equal(Members.Order(), smarthost.DeliveredTo.Order());
        Assert.Empty(daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));
    }
}
