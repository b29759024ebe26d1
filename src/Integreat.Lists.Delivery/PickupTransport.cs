using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Delivery;

/// <summary>Pickup mode (no smarthost set): each transaction becomes one file <c>PICKUP/TIME-ID.eml</c>,
/// headed by <c>Return-Path</c> (the envelope sender) and <c>X-Envelope-To</c> (the recipients).</summary>
/// <remarks>Files appear whole (written as <c>.tmp</c>, fsynced, renamed), so a reader never sees half a message. A
/// <c>.tmp</c> left by a crash was never acknowledged (its transaction is repeated from the delivery journal), so the
/// first session removes it.</remarks>
public sealed class PickupTransport(IOptions<DeliveryOptions> options) : IOutboundTransport
{
    readonly string _directory = Path.GetFullPath(options.Value.PickupDirectory);
    int _swept;

    /// <inheritdoc/>
    public string Relay => "pickup:" + _directory;

    /// <inheritdoc/>
    public Task<IOutboundSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        if (Interlocked.Exchange(ref _swept, 1) == 0)
            foreach (var stale in Directory.EnumerateFiles(_directory, "*.eml.tmp")) File.Delete(stale);
        return Task.FromResult<IOutboundSession>(new Session(_directory));
    }

    sealed class Session(string directory) : IOutboundSession
    {
        public bool IsUsable => true;

        public Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] message, string sender, IReadOnlyList<string> recipients,
            CancellationToken cancellationToken) => SendAsync([], message, sender, recipients, cancellationToken);

        public async Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] prefix, byte[] message, string sender,
            IReadOnlyList<string> recipients, CancellationToken cancellationToken)
        {
            var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
            var path = Path.Combine(directory, name + ".eml");
            var envelope = Encoding.UTF8.GetBytes($"Return-Path: <{sender}>\r\nX-Envelope-To: {string.Join(", ", recipients)}\r\n");
            try
            {
                await using (var file = new FileStream(path + ".tmp", FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                {
                    await file.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
                    await file.WriteAsync(prefix, cancellationToken).ConfigureAwait(false);
                    await file.WriteAsync(message, cancellationToken).ConfigureAwait(false);
                    file.Flush(flushToDisk: true);
                }
                File.Move(path + ".tmp", path);
            }
            catch (IOException ex)
            {
                throw new TransportException($"cannot write to the pickup directory: {ex.Message}", ex);
            }
            return recipients.Select(r => new RecipientResult(r, 250, "2.0.0 written to " + name + ".eml")).ToList();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
