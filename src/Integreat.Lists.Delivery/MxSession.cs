using System.Net;
using System.Net.Sockets;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Integreat.Lists.Delivery;

/// <summary>One delivery worker's connections in <c>mx</c> mode: at most one per recipient domain, kept between
/// transactions. Not thread-safe (one worker).</summary>
/// <remarks>Per domain, hosts are tried in <see cref="MxRouter"/> order and each host's addresses in turn. A refused
/// or broken connection, a refused greeting, failed TLS and every 4xx move the still undelivered recipients on to
/// the next address; only when none is left are they deferred (the job's back-off). 2xx and 5xx are final at
/// once. Each reply names the host that gave it, for the delivery log.</remarks>
internal sealed class MxSession(MxRouter router, DomainSlots slots, DeliveryOptions options) : IOutboundSession
{
    readonly Dictionary<string, Connection> _open = new(StringComparer.OrdinalIgnoreCase);

    sealed record Connection(string Host, IPAddress Address, SmtpOutboundSession Session, IDisposable Slot)
    {
        public string Name => $"{Host}[{Address}]";
    }

    /// <inheritdoc/>
    public bool IsUsable => true;

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] message, string sender, IReadOnlyList<string> recipients,
        CancellationToken cancellationToken) => SendAsync([], message, sender, recipients, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>The prefix goes down to the connection as it is: the shared bytes are not copied per recipient.</remarks>
    public async Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] prefix, byte[] message, string sender,
        IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var results = new List<RecipientResult>(recipients.Count);
        foreach (var domain in recipients.GroupBy(EmailAddress.DomainOf, StringComparer.OrdinalIgnoreCase))
            results.AddRange(await SendToDomainAsync(prefix, message, sender, domain.Key.ToLowerInvariant(), domain.ToList(), cancellationToken)
                .ConfigureAwait(false));
        return results;
    }

    async Task<List<RecipientResult>> SendToDomainAsync(byte[] prefix, byte[] message, string sender, string domain, List<string> recipients,
        CancellationToken cancellationToken)
    {
        var route = await router.RouteAsync(domain, cancellationToken).ConfigureAwait(false);
        if (route.Failed) return recipients.Select(r => new RecipientResult(r, route.FailureCode, route.FailureReply)).ToList();
        var attempt = new MxAttempt(recipients);
        var tried = (Host: "", Address: IPAddress.None);
        if (_open.Remove(domain, out var kept))
        {
            tried = (kept.Host, kept.Address);
            if (await TryAsync(kept, prefix, message, sender, attempt, cancellationToken).ConfigureAwait(false)) return Keep(domain, kept, attempt);
        }
        var noAddressAnywhere = tried.Host.Length == 0;
        foreach (var host in route.Hosts)
        {
            var (addresses, noneFinal, error) = await router.AddressesAsync(host, cancellationToken).ConfigureAwait(false);
            noAddressAnywhere &= addresses.Count == 0 && noneFinal;
            if (addresses.Count == 0) attempt.LastError = error;
            foreach (var address in addresses.Where(a => (host, a) != tried))
            {
                var slot = await TakeSlotAsync(domain, cancellationToken).ConfigureAwait(false);
                if (slot is null) return attempt.Finish(451, $"4.4.5 all {options.MxConnectionsPerDomain} connections to {domain} are busy");
                var connection = await ConnectAsync(host, address, slot, attempt, cancellationToken).ConfigureAwait(false);
                if (connection is null) continue;
                if (await TryAsync(connection, prefix, message, sender, attempt, cancellationToken).ConfigureAwait(false)) return Keep(domain, connection, attempt);
            }
        }
        return noAddressAnywhere
            ? attempt.Finish(550, $"5.4.4 no host of {domain} has an address: {attempt.LastError}")
            : attempt.Finish(451, $"4.4.1 no host of {domain} took the mail: {attempt.LastError}");
    }

    List<RecipientResult> Keep(string domain, Connection connection, MxAttempt attempt)
    {
        _open[domain] = connection;
        return attempt.Final;
    }

    /// <summary>Sends to the pending recipients; true when none is left. A failed connection is closed.</summary>
    static async Task<bool> TryAsync(Connection connection, byte[] prefix, byte[] message, string sender, MxAttempt attempt, CancellationToken cancellationToken)
    {
        if (connection.Session.IsUsable)
        {
            try
            {
                var results = await connection.Session.SendAsync(prefix, message, sender, attempt.Pending, cancellationToken).ConfigureAwait(false);
                attempt.Take(results, connection.Name);
                if (attempt.Pending.Count == 0) return true;
            }
            catch (TransportException ex)
            {
                attempt.LastError = $"{connection.Name}: {ex.Message}";
            }
        }
        await CloseAsync(connection).ConfigureAwait(false);
        return false;
    }

    async Task<Connection?> ConnectAsync(string host, IPAddress address, IDisposable slot, MxAttempt attempt, CancellationToken cancellationToken)
    {
        var required = options.MxTls == "required";
        try
        {
            var client = await SmtpConnector.ConnectAsync(host, address, options.MxPort,
                required ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable, required, options,
                cancellationToken).ConfigureAwait(false);
            return new Connection(host, address, new SmtpOutboundSession(client), slot);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException
                                       or SslHandshakeException or TimeoutException or NotSupportedException
                                       or (OperationCanceledException and not TaskCanceledException { CancellationToken.IsCancellationRequested: true }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            slot.Dispose();
            attempt.LastError = $"{host}[{address}]: {ex.Message}";
            return null;
        }
    }

    /// <summary>A slot for <paramref name="domain"/>; when none is free, this session first gives back its own, so
    /// workers waiting for each other's domains cannot deadlock.</summary>
    async Task<IDisposable?> TakeSlotAsync(string domain, CancellationToken cancellationToken)
    {
        if (slots.TryTake(domain) is { } slot) return slot;
        await DisposeAsync().ConfigureAwait(false);
        return await slots.TakeAsync(domain, options.CommandTimeout, cancellationToken).ConfigureAwait(false);
    }

    static async Task CloseAsync(Connection connection)
    {
        try { await connection.Session.DisposeAsync().ConfigureAwait(false); }
        finally { connection.Slot.Dispose(); }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _open.Values.ToList()) await CloseAsync(connection).ConfigureAwait(false);
        _open.Clear();
    }
}
