using System.Runtime.CompilerServices;
using SmtpServer.Protocol;

namespace Integreat.Lists.Testing;

/// <summary>A fake SMTP smarthost on loopback that captures what it is sent and can be scripted to fail,
/// so that every branch of the delivery-failure policy can be driven from a test.</summary>
/// <remarks>Built on SmtpServer, like the daemon's intake, so tests see that library's real reply texts.
/// Wait for effects with <see cref="WaitForAsync"/>, never with sleeps.</remarks>
public sealed class FakeSmarthost : IAsyncDisposable
{
    static readonly SmtpResponse TooManyRecipients = new((SmtpReplyCode)452, "4.5.3 too many recipients");
    readonly Lock _gate = new();
    readonly List<CapturedMessage> _messages = [];
    TaskCompletionSource _changed = NewSignal();
    SmarthostListener? _listener;
    int _attempts;
    int _sessionsEnded;
    int _messageCount;

    FakeSmarthost() { }

    internal SmarthostScript Scripts { get; } = new();

    /// <summary>The port it listens on (127.0.0.1); still set after <see cref="StopAsync"/>, for a restart.</summary>
    public int Port { get; private set; }

    /// <summary>"127.0.0.1:<see cref="Port"/>", the form smarthost settings take.</summary>
    public string HostPort => $"127.0.0.1:{Port}";

    /// <summary>A snapshot of the accepted transactions, in order of acceptance.</summary>
    public IReadOnlyList<CapturedMessage> Messages { get { lock (_gate) return _messages.ToArray(); } }

    /// <summary>A snapshot of the recipients of all accepted transactions; a recipient sent twice appears twice.</summary>
    public IReadOnlyList<string> DeliveredTo { get { lock (_gate) return _messages.SelectMany(m => m.Recipients).ToArray(); } }

    /// <summary>RCPT commands seen, refused ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>SMTP sessions that have ended, however they ended; lets a test wait for a client to hang up.</summary>
    public int SessionsEnded => Volatile.Read(ref _sessionsEnded);

    /// <summary>Raised for each accepted transaction, before waiters are woken (so their conditions see it).</summary>
    public event Action<CapturedMessage>? Received;

    /// <summary>Delay before each DATA reply, to simulate a slow server (for client timeouts).</summary>
    public TimeSpan DataDelay { get; set; }

    /// <summary>The most RCPTs it takes in one transaction; later ones get <c>452 4.5.3 too many recipients</c>
    /// (RFC 5321 §4.5.3.1.10). Null (the default): no limit.</summary>
    public int? RecipientLimit { get; set; }

    /// <summary>With a smarthost started by <see cref="StartWithTlsAsync"/>: while true, STARTTLS is answered with
    /// <c>220</c> and then bytes that are no TLS, so the client's handshake fails.</summary>
    public bool TlsBroken { get; set; }

    /// <summary>Starts on a free loopback port and returns once it accepts connections.</summary>
    public static Task<FakeSmarthost> StartAsync(CancellationToken cancellationToken = default) => StartAsync(0, cancellationToken);

    /// <summary>Starts on a free loopback port offering STARTTLS with <paramref name="certificate"/> (default: self-signed).</summary>
    public static Task<FakeSmarthost> StartWithTlsAsync(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null,
        CancellationToken cancellationToken = default) => StartAsync(0, certificate ?? TestCertificates.SelfSigned("fake-smarthost.test"), cancellationToken);

    /// <summary>Starts on <paramref name="port"/>; pass the <see cref="Port"/> of a stopped instance to bring
    /// "the same" smarthost back up. Scripts and captures are not carried over.</summary>
    public static Task<FakeSmarthost> StartAsync(int port, CancellationToken cancellationToken = default) => StartAsync(port, null, cancellationToken);

    /// <summary>Starts on <paramref name="address"/> (127.0.0.2 …: Linux routes 127/8 to lo), as one MX host of several.</summary>
    public static Task<FakeSmarthost> StartOnAsync(System.Net.IPAddress address, int port) => StartAsync(port, null, default, address);
    /// <summary>Starts on a free loopback port offering AUTH (PLAIN, LOGIN) and refusing MAIL without it.</summary>
    public static Task<FakeSmarthost> StartWithAuthAsync(FakeSmarthostAuthenticator auth) => StartAsync(0, null, default, auth: auth);

    static async Task<FakeSmarthost> StartAsync(int port, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate,
        CancellationToken cancellationToken, System.Net.IPAddress? address = null, FakeSmarthostAuthenticator? auth = null)
    {
        var host = new FakeSmarthost();
        var tls = certificate is null ? null : new SmarthostListener.Tls(certificate, () => host.TlsBroken);
        host._listener = await SmarthostListener.StartAsync(address ?? System.Net.IPAddress.Loopback, port, new FakeSmarthostFilter(host),
            new FakeSmarthostStore(host), host.OnSessionEnded, tls, cancellationToken, auth).ConfigureAwait(false);
        host.Port = host._listener.Port;
        return host;
    }

    /// <summary>Answers the next RCPTs for <paramref name="recipient"/> (case-insensitive) with <paramref name="replies"/>,
    /// one per RCPT, e.g. <c>"451 4.7.1 try later"</c>; once used up, RCPTs are accepted again.</summary>
    /// <remarks>A non-2xx text reaches the client with SmtpServer's suffix ", N retry(ies) remaining.".</remarks>
    public void Script(string recipient, params string[] replies) => Scripts.Queue(recipient, replies);

    /// <summary>Answers every RCPT for <paramref name="recipient"/> with <paramref name="reply"/>, e.g.
    /// <c>"550 5.1.1 no such user"</c>; takes precedence over <see cref="Script(string, string[])"/>.</summary>
    public void ScriptAlways(string recipient, string reply) => Scripts.Always(recipient, reply);

    /// <summary>Answers the next DATA with <paramref name="reply"/> (e.g. <c>"451 4.3.0 try later"</c>); the message
    /// is not captured unless the reply is 2xx. Calls queue up.</summary>
    public void FailDataOnce(string reply) => Scripts.FailData(reply);

    /// <summary>Answers the next <paramref name="times"/> MAIL commands with <c>421 4.3.2 shutting down</c> and
    /// closes the connection, as a server going down mid-session does.</summary>
    public void Disconnect421Next(int times) => Scripts.Disconnect(times);

    /// <summary>Forgets captures, counters and scripts, so one instance can serve a fixture's tests in turn.</summary>
    public void Reset()
    {
        Scripts.Clear();
        lock (_gate)
        {
            _messages.Clear();
            _messageCount = 0;
            Interlocked.Exchange(ref _attempts, 0);
            Interlocked.Exchange(ref _sessionsEnded, 0);
        }
        Signal();
    }

    /// <summary>Completes once <paramref name="condition"/> holds. It is re-checked after every captured or failed
    /// DATA, every RCPT and every session end.</summary>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public async Task WaitForAsync(Func<FakeSmarthost, bool> condition, TimeSpan timeout,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            // Take the signal before checking, so an event between the check and the wait is not lost.
            Task changed;
            lock (_gate) changed = _changed.Task;
            if (condition(this)) return;
            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                if (condition(this)) return;
                throw new TimeoutException(
                    $"FakeSmarthost: '{conditionText}' not met within {timeout.TotalSeconds:0.###} s; " +
                    $"{Messages.Count} messages, {DeliveredTo.Count} recipients delivered, {Attempts} RCPTs, " +
                    $"{SessionsEnded} sessions ended.");
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> recipients have been delivered.</summary>
    /// <exception cref="TimeoutException">Fewer arrived within <paramref name="timeout"/>.</exception>
    public Task WaitForRecipientsAsync(int count, TimeSpan timeout)
        => WaitForAsync(h => h.DeliveredTo.Count >= count, timeout, $"DeliveredTo.Count >= {count}");

    /// <summary>Stops listening and cuts open sessions, so connections are refused until a new instance starts.</summary>
    /// <remarks>Not a graceful shutdown: a client in mid-DATA gets <c>554</c> (LIBRARIES.md 1.7).</remarks>
    public async Task StopAsync()
    {
        if (_listener is not null) await _listener.StopAsync().ConfigureAwait(false);
        Signal();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal SmtpResponse? OnRecipient(string recipient, int positionInTransaction)
    {
        Interlocked.Increment(ref _attempts);
        var reply = positionInTransaction > RecipientLimit ? TooManyRecipients : Scripts.NextRcpt(recipient);
        Signal();
        return reply;
    }

    internal SmtpResponse OnData(CapturedMessage message)
    {
        var reply = Scripts.NextData();
        if (reply is null || SmarthostScript.IsPositive(reply))
        {
            lock (_gate)
            {
                _messages.Add(message);
                reply ??= new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 queued as {++_messageCount}");
            }
            Received?.Invoke(message);
        }
        Signal();
        return reply;
    }

    void OnSessionEnded()
    {
        Interlocked.Increment(ref _sessionsEnded);
        Signal();
    }

    /// <summary>Wakes every waiter by completing the current signal and installing a fresh one.</summary>
    void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate) (previous, _changed) = (_changed, NewSignal());
        previous.TrySetResult();
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
