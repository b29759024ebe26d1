using Integreat.Lists.Core.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Web;

/// <summary>Hosts Kestrel inside the daemon on <see cref="WebOptions.Listen"/>: a web application of its own,
/// whose endpoints reach the daemon only through the ports registered in <see cref="ConfigureServices"/>.</summary>
/// <remarks>A web port that cannot be bound is logged and left off: mail must keep flowing without it
/// (<c>/readyz</c> and the healthcheck then report it missing).</remarks>
public sealed class WebServer(IServiceProvider daemon, IOptions<WebOptions> options, ILoggerFactory loggers,
    ILogger<WebServer> logger) : IHostedService, IAsyncDisposable
{
    readonly TaskCompletionSource<Uri?> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    WebApplication? _app;

    /// <summary>Completes with the bound base address (the real port, also for port 0); null when off or failed.</summary>
    public Task<Uri?> Listening => _listening.Task;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var listen = options.Value.Listen;
        if (listen.Length == 0)
        {
            _listening.TrySetResult(null);
            return;
        }
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls(listen);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var areas = daemon.GetServices<IWebArea>().OrderBy(a => a.Order).ToList();
        ConfigureServices(builder.Services);
        foreach (var area in areas) area.ConfigureServices(builder.Services, daemon);
        var app = builder.Build();
        foreach (var area in areas) area.UseMiddleware(app);
        WebEndpoints.Map(app);
        foreach (var area in areas) area.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "no web port at {Listen}: {Reason}; health and metrics are unavailable", listen, ex.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            _listening.TrySetResult(null);
            return;
        }
        _app = app;
        var bound = new Uri(app.Urls.First());
        logger.LogInformation("web listening on {Url}", bound);
        _listening.TrySetResult(bound);
    }

    /// <summary>What the endpoints may use of the daemon: the readiness check and the metrics registry (with the
    /// queue gauges, read from the daemon's spool and delivery queue at each scrape).</summary>
    void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(daemon.GetRequiredService<IReadinessCheck>());
        var metrics = daemon.GetRequiredService<PrometheusListMetrics>();
        QueueGauges.Register(metrics.Registry, daemon.GetRequiredService<ISpool>(), daemon.GetRequiredService<IDeliveryQueue>(),
            daemon.GetRequiredService<TimeProvider>());
        services.AddSingleton(metrics);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
        _app = null;
    }
}
