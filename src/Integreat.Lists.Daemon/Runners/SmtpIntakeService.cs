using System.Net;
using Integreat.Lists.Smtp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmtpServer.Net;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>Runs the SMTP listener and drains it on shutdown: new connections and transactions get 421, sessions
/// in progress may finish (up to <see cref="SmtpIntakeOptions.DrainTimeout"/>) before the server is cancelled.</summary>
/// <remarks>Cancelling SmtpServer mid-DATA answers 554, a permanent failure for mail we only failed to take
/// (LIBRARIES.md §1.7); draining first avoids that.</remarks>
public sealed class SmtpIntakeService(
    IServiceProvider services,
    IOptions<SmtpIntakeOptions> options,
    IEndpointListenerFactory listenerFactory,
    IntakeState state,
    ILogger<SmtpIntakeService> logger,
    Integreat.Lists.Core.Abstractions.IListMetrics metrics) : BackgroundService
{
    readonly TaskCompletionSource<IReadOnlyList<IPEndPoint>> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly List<IPEndPoint> _endpoints = [];
    CancellationTokenSource? _server;

    /// <summary>Completes with the bound endpoints (real ports, also for port 0) once every listener is up.</summary>
    public Task<IReadOnlyList<IPEndPoint>> Listening => _listening.Task;

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var server = SmtpServerFactory.Create(options.Value, services, services.GetService(typeof(ReloadingCertificateFactory)) as ReloadingCertificateFactory);
        if (listenerFactory is EndpointListenerFactory factory) factory.EndpointStarted += OnEndpointStarted;
        server.SessionCreated += (_, e) =>
        {
            state.SessionStarted(e.Context.SessionId);
            metrics.SmtpSessionStarted();
        };
        server.SessionCompleted += (_, e) => state.SessionEnded(e.Context.SessionId);
        server.SessionFaulted += (_, e) =>
        {
            state.SessionEnded(e.Context.SessionId);
            logger.LogDebug(e.Exception, "SMTP session faulted");
        };
        server.SessionCancelled += (_, e) => state.SessionEnded(e.Context.SessionId);
        _server = new CancellationTokenSource();
        return RunAsync(server, _server.Token);
    }

    async Task RunAsync(SmtpServer.SmtpServer server, CancellationToken token)
    {
        try
        {
            await server.StartAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _listening.TrySetException(ex);
            logger.LogCritical(ex, "the SMTP listener failed: {Reason}", ex.Message);
            throw;
        }
    }

    void OnEndpointStarted(object? sender, EndpointEventArgs e)
    {
        lock (_endpoints)
        {
            _endpoints.Add((IPEndPoint)e.LocalEndPoint);
            logger.LogInformation("SMTP listening on {Endpoint}", e.LocalEndPoint);
            if (_endpoints.Count == options.Value.Listen.Length) _listening.TrySetResult(_endpoints.ToList());
        }
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        state.Draining = true;
        // Real time on purpose: sessions are real sockets, whatever clock the queues run on.
        var drain = System.Diagnostics.Stopwatch.StartNew();
        while (state.Sessions > 0 && drain.Elapsed < options.Value.DrainTimeout && !cancellationToken.IsCancellationRequested)
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None).ConfigureAwait(false);
        if (_server is not null) await _server.CancelAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
