using System.Net;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Integreat.Lists.Testing;

/// <summary>The SmtpServer instance behind a <see cref="FakeSmarthost"/>: binds, reports the real port, stops.</summary>
internal sealed class SmarthostListener
{
    readonly CancellationTokenSource _shutdown = new();
    readonly SmtpServerHost _server;
    readonly Task _running;
    int _stopped;

    SmarthostListener(SmtpServerHost server)
    {
        _server = server;
        _running = server.StartAsync(_shutdown.Token);
    }

    public int Port { get; private set; }

    /// <summary>STARTTLS with <paramref name="Certificate"/>; the handshake fails while <paramref name="Broken"/> says so.</summary>
    public sealed record Tls(System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate, Func<bool> Broken);

    public static async Task<SmarthostListener> StartAsync(IPAddress address, int port, IMailboxFilter filter, IMessageStore store,
        Action sessionEnded, Tls? tls, CancellationToken cancellationToken, SmtpServer.Authentication.IUserAuthenticator? auth = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Our own factory instance, because its EndpointStarted event is the only place the port bound for 0 shows up.
        var listeners = tls is null ? new Integreat.Lists.Smtp.NoDelayListenerFactory() : new BreakableTlsListenerFactory(tls.Broken);
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(filter);
        services.Add(store);
        if (auth is not null) services.Add(auth);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("fake-smarthost.test")
            .CustomSmtpGreeting(_ => "220 fake-smarthost.test ESMTP")
            .MaxMessageSize(50 * 1024 * 1024, MaxMessageSizeHandling.Strict)
            // Scripted refusals are thrown, and SmtpServer ends a session silently after MaxRetryCount in a row.
            .MaxRetryCount(1000)
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(address, port)).SessionTimeout(TimeSpan.FromMinutes(10));
                // AUTH without TLS is fine on loopback; with an authenticator, MAIL needs a successful AUTH first.
                if (auth is not null) e.AllowUnsecureAuthentication(true).AuthenticationRequired(true);
                // A certificate is what makes SmtpServer offer STARTTLS.
                if (tls is not null) e.Certificate(tls.Certificate).SupportedSslProtocols(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            })
            .Build();

        var server = new SmtpServerHost(options, services);
        server.SessionCompleted += (_, _) => sessionEnded();
        server.SessionFaulted += (_, _) => sessionEnded();
        server.SessionCancelled += (_, _) => sessionEnded();
        var listener = new SmarthostListener(server);
        try
        {
            // A bind failure ends the server task instead of raising EndpointStarted; await it to surface the error.
            var first = await Task.WhenAny(started.Task, listener._running).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (first != started.Task)
            {
                await listener._running.ConfigureAwait(false);
                throw new InvalidOperationException("FakeSmarthost: the server stopped before it listened.");
            }
            listener.Port = await started.Task.ConfigureAwait(false);
            return listener;
        }
        catch
        {
            await listener.StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _shutdown.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.ConfigureAwait(false);
            await _server.ShutdownTask.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancellation is how SmtpServer is stopped; it is the expected outcome here.
        }
        catch (Exception) when (Port == 0)
        {
            // It never listened (the port was taken); StartAsync already reports that failure.
        }
        finally
        {
            _shutdown.Dispose();
        }
    }
}
