using Integreat.Lists.Core.Messages;
using System.Net.Sockets;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;
using MailKit.Net.Smtp;
using MimeKit;

namespace Integreat.Lists.Delivery;

/// <summary>One connection to the smarthost, carrying many transactions one after another.</summary>
public sealed class SmtpOutboundSession(ListSmtpClient client) : IOutboundSession
{
    static readonly FormatOptions Format = CreateFormat();
    byte[]? _lastBytes;
    RawMimeMessage? _lastMessage;

    /// <inheritdoc/>
    public bool IsUsable => client.IsConnected;

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] message, string sender, IReadOnlyList<string> recipients,
        CancellationToken cancellationToken) => SendAsync([], message, sender, recipients, cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] prefix, byte[] message, string sender,
        IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        client.Rejected.Clear();
        try
        {
            // One wrapper per job (one parse of the shared header block); a recipient's own fields only replace the
            // previous recipient's above it, and the shared bytes are never copied.
            var wrapped = Wrap(message);
            wrapped.SetPrefix(prefix);
            var reply = await client.SendAsync(Format, wrapped, new MailboxAddress("", sender),
                recipients.Select(r => new MailboxAddress("", r)), cancellationToken).ConfigureAwait(false);
            return Results(recipients, 250, reply);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode == SmtpErrorCode.MessageNotAccepted && client.Rejected.Count == recipients.Count)
        {
            return Results(recipients, 554, ex.Message);
        }
        catch (SmtpCommandException ex)
        {
            // MAIL FROM or DATA refused: the same verdict for every recipient the server did not already refuse.
            return Results(recipients, (int)ex.StatusCode, ex.Message);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or TimeoutException
                                       or (OperationCanceledException and not TaskCanceledException { CancellationToken.IsCancellationRequested: true }))
        {
            if (cancellationToken.IsCancellationRequested) throw;
            await DisconnectQuietlyAsync().ConfigureAwait(false);
            throw new TransportException(ex.Message, ex);
        }
    }

    /// <summary>Reuses the wrapper while the same bytes are sent again (all transactions of one job).</summary>
    RawMimeMessage Wrap(byte[] message)
    {
        if (!ReferenceEquals(message, _lastBytes))
        {
            _lastMessage = new RawMimeMessage(message);
            _lastBytes = message;
        }
        return _lastMessage!;
    }

    IReadOnlyList<RecipientResult> Results(IReadOnlyList<string> recipients, int code, string reply) => recipients
        .Select(r =>
        {
            var rejected = client.Rejected.FirstOrDefault(x => string.Equals(x.Recipient, r, StringComparison.OrdinalIgnoreCase));
            return rejected.Recipient is null ? new RecipientResult(r, code, reply) : new RecipientResult(r, rejected.Code, rejected.Reply);
        })
        .ToList();

    async Task DisconnectQuietlyAsync()
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: false).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
        {
            // The connection is already gone; nothing more to do.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException
                                       or OperationCanceledException)
        {
            // QUIT is a courtesy; a server that already hung up is fine.
        }
        client.Dispose();
    }

    static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
