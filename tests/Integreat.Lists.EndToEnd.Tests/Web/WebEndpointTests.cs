using System.Net;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Storage;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>Health, readiness and metrics through the real Kestrel listener of a running daemon.</summary>
public sealed class WebEndpointTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _http.BaseAddress = await _daemon.WebUrlAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    [Fact]
    public async Task Healthz_and_readyz_answer_200_while_the_daemon_runs()
    {
        var health = await _http.GetAsync("/healthz");
        var ready = await _http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready\n", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_answers_503_naming_the_store_once_the_store_is_broken()
    {
        _daemon.Get<LiteStore>().Dispose();

        var ready = await _http.GetAsync("/readyz");
        var health = await _http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("store: ", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Metrics_count_a_post_its_decision_and_its_deliveries_per_list()
    {
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
        var delivered = _daemon.WaitForAttemptAsync((_, finished) => finished, Timeout);

        await _daemon.PostAsync(Messages.Post("erika@example.org", "Treffen"), "erika@example.org", TestDaemon.Bayern);
        await delivered;
        var metrics = await _http.GetStringAsync("/metrics");

        const string list = "list=\"" + TestDaemon.Bayern + "\"";
        Assert.Contains($"integreat_lists_posts_received_total{{{list}}} 1\n", metrics);
        Assert.Contains($"integreat_lists_posts_total{{{list},disposition=\"accept\"}} 1\n", metrics);
        Assert.Contains($"integreat_lists_deliveries_total{{{list},status=\"sent\"}} 2\n", metrics);
        Assert.Contains("integreat_lists_smtp_sessions_total 1\n", metrics);
        Assert.Contains("integreat_lists_intake_latency_seconds_count 1\n", metrics);
        Assert.Contains("integreat_lists_delivery_latency_seconds_count 2\n", metrics);
        Assert.Contains("integreat_lists_deferred_jobs 0\n", metrics);
        Assert.Contains("integreat_lists_deferred_oldest_age_seconds 0\n", metrics);
        Assert.Contains("integreat_lists_spool_entries{queue=\"in\"} 0\n", metrics);
    }
}
