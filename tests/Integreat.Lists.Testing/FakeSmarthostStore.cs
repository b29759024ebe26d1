using System.Buffers;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integreat.Lists.Testing;

/// <summary>Captures the DATA of each transaction into the <see cref="FakeSmarthost"/>, or fails it as scripted.</summary>
/// <remarks>Returns replies and never throws: a thrown <see cref="SmtpResponseException"/> here sends no reply at all
/// (LIBRARIES.md 1.6).</remarks>
internal sealed class FakeSmarthostStore(FakeSmarthost host) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        // The sequence is recycled once we return, and SmtpServer strips the CRLF before the final dot (LIBRARIES.md 1.5).
        var data = new byte[buffer.Length + 2];
        buffer.CopyTo(data);
        data[^2] = (byte)'\r';
        data[^1] = (byte)'\n';
        var sender = IsNullPath(transaction.From) ? "" : transaction.From.AsAddress();
        var recipients = transaction.To.Select(r => r.AsAddress()).ToArray();

        var delay = host.DataDelay;
        if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return host.OnData(new CapturedMessage(sender, recipients, data) { MailParameters = transaction.Parameters.ToDictionary(), OverTls = context.Pipe.IsSecure });
    }

    static bool IsNullPath(IMailbox? mailbox)
        => mailbox is null || ReferenceEquals(mailbox, Mailbox.Empty)
            || (string.IsNullOrEmpty(mailbox.User) && string.IsNullOrEmpty(mailbox.Host));
}
