using System.Buffers;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integreat.Lists.Smtp;

/// <summary>Writes each message to the <c>in</c> queue and answers 250 only once it is on disk (fsync).</summary>
/// <remarks>Never throws: SmtpServer answers a thrown <see cref="SmtpResponseException"/> with nothing and any
/// other exception with a permanent 554 (LIBRARIES.md §1.6), so every failure becomes 451 4.3.0. The session's
/// token is not passed to the write, so a shutdown cannot leave half a file.</remarks>
public sealed class SpoolMessageStore(ISpool spool, IncomingSignal signal, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<SmtpIntakeOptions> options, ILogger<SpoolMessageStore> logger) : MessageStore
{
    static readonly byte[] CrLf = "\r\n"u8.ToArray();
    static long _sequence;

    /// <inheritdoc/>
    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.Length + CrLf.Length > options.Value.MaxMessageSizeKiB * 1024L) return Task.FromResult(Replies.MessageTooBig);
        // SmtpServer un-stuffs only after a CRLF, so a first line starting with ".." keeps both dots (LIBRARIES.md §1.5).
        if (buffer.Length >= 2 && buffer.FirstSpan.Length >= 2 && buffer.FirstSpan[0] == '.' && buffer.FirstSpan[1] == '.')
            buffer = buffer.Slice(1);
        buffer = LineEndings.ToCrLf(buffer);
        var now = time.GetUtcNow().UtcDateTime;
        var data = new MessageData
        {
            Id = NewId(now),
            Sender = transaction.From is null || transaction.From == Mailbox.Empty ? "" : transaction.From.AsAddress(),
            Recipients = transaction.To.Select(t => t.AsAddress()).ToList(),
            ReceivedUtc = now,
            ClientAddress = SessionClient.Address(context),
            HeloName = SessionClient.Helo(context),
        };
        try
        {
            // SmtpServer hands over the data without the CRLF that preceded the final dot (LIBRARIES.md §1.5).
            spool.Enqueue(QueueName.In, data, ByteSequence.Append(buffer, CrLf));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "spool write failed for a message from <{Sender}>", data.Sender);
            return Task.FromResult(Replies.SpoolUnavailable);
        }
        signal.Signal.Notify();
        return Task.FromResult(Replies.Queued(data.Id));
    }

    /// <summary>A spool id: UTC time to the millisecond, then a process-wide sequence, then randomness, so ids
    /// sort by arrival and never collide.</summary>
    static string NewId(DateTime now)
        => $"{now:yyyyMMddHHmmssfff}-{Interlocked.Increment(ref _sequence) % 1_000_000:D6}-{Random.Shared.Next(0x10000):x4}";
}
