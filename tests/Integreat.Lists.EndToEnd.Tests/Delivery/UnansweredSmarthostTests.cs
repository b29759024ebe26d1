using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>A smarthost that never answers the connect (a firewall drops it) defers the job like any other outage,
/// instead of shunting it as an unexpected failure.</summary>
public sealed class UnansweredSmarthostTests
{
    [Fact]
    public async Task An_unanswered_connect_defers_the_job_to_the_first_retry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        using var smarthost = await UnansweredListener.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(smarthost.HostPort, s => s.Delivery.CommandTimeout = TimeSpan.FromSeconds(1),
            services => services.AddSingleton<TimeProvider>(clock));
        daemon.AddMembers(["erika@example.org"]);
        var retry = clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(5);
        var idle = daemon.WaitForDispatcherIdleAsync(next => next == retry, TimeSpan.FromSeconds(60));

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await idle;

        var job = Assert.Single(daemon.Get<IDeliveryQueue>().All());
        Assert.False(job.Shunted);
        Assert.Equal(retry, job.NextAttemptUtc);
    }
}
