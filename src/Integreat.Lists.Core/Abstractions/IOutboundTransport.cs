using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Hands messages to the next hop (a smarthost by SMTP, or a pickup directory).</summary>
public interface IOutboundTransport
{
    /// <summary>A human-readable name of the next hop for the log (<c>relay=</c>), e.g. <c>127.0.0.1:25</c>.</summary>
    string Relay { get; }

    /// <summary>Opens a session (one connection) that can carry many transactions, one at a time.</summary>
    /// <exception cref="TransportException">The next hop could not be reached.</exception>
    Task<IOutboundSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>One connection to the next hop. Not thread-safe.</summary>
public interface IOutboundSession : IAsyncDisposable
{
    /// <summary>False once the connection is lost; open a new session then.</summary>
    bool IsUsable { get; }

    /// <summary>Sends one transaction: MAIL FROM <paramref name="sender"/>, RCPT TO each recipient, DATA.</summary>
    /// <param name="message">The message bytes (CRLF line ends), sent unchanged.</param>
    /// <param name="sender">The envelope sender.</param>
    /// <param name="recipients">At most 100 envelope recipients.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    /// <returns>One result per recipient: the reply code and text that decided its fate.</returns>
    /// <exception cref="TransportException">The connection failed mid-transaction; no recipient is known
    /// to have the message.</exception>
    Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] message, string sender, IReadOnlyList<string> recipients,
        CancellationToken cancellationToken);

    /// <summary>Sends one transaction whose message is <paramref name="prefix"/> (one recipient's own header fields,
    /// CRLF) followed by the shared <paramref name="message"/>.</summary>
    /// <remarks>The transports write the two parts one after the other without copying the shared bytes; this
    /// default (for test doubles) joins them.</remarks>
    /// <inheritdoc cref="SendAsync(byte[], string, IReadOnlyList{string}, CancellationToken)"/>
    Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] prefix, byte[] message, string sender, IReadOnlyList<string> recipients,
        CancellationToken cancellationToken)
        => SendAsync(prefix.Length == 0 ? message : [.. prefix, .. message], sender, recipients, cancellationToken);
}
