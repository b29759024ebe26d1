using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Integreat.Lists.Smtp;

/// <summary>Caps concurrent SMTP connections, in all and per client address: one past a cap gets 421 4.7.0 and is
/// closed; while draining for shutdown, every new connection does.</summary>
/// <remarks>SmtpServer 11 has no connection limit (LIBRARIES.md §1.8, §1.11); this decorates its listener.</remarks>
public sealed class LimitingListenerFactory(int maxConnections, int maxPerAddress, IntakeState state, SessionLimits? limits = null)
    : NoDelayListenerFactory(limits)
{
    readonly ConnectionSlots _slots = new(maxConnections, maxPerAddress);

    /// <inheritdoc/>
    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        => new Listener(base.CreateListener(endpointDefinition), _slots, state);

    sealed class Listener(IEndpointListener inner, ConnectionSlots slots, IntakeState state) : IEndpointListener
    {
        static readonly byte[] TooMany = "421 4.7.0 too many connections, try again later\r\n"u8.ToArray();
        static readonly byte[] Closing = "421 4.3.2 shutting down, try again later\r\n"u8.ToArray();

        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            while (true)
            {
                var pipe = await inner.GetPipeAsync(context, cancellationToken).ConfigureAwait(false);
                var client = context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var remote)
                    && remote is System.Net.IPEndPoint ip ? ip.Address : System.Net.IPAddress.None;
                if (!state.Draining && slots.TryTake(client)) return new CountedPipe(pipe, slots, client);
                try
                {
                    await pipe.Output.WriteAsync(state.Draining ? Closing : TooMany, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // The client left before it could be told; nothing to do.
                }
                finally
                {
                    pipe.Dispose();
                }
                // The inner listener adds its endpoint keys on every accept.
                context.Properties.Clear();
            }
        }

        public void Dispose() => inner.Dispose();
    }

    sealed class CountedPipe(ISecurableDuplexPipe inner, ConnectionSlots slots, System.Net.IPAddress client) : ISecurableDuplexPipe
    {
        int _released;

        public PipeReader Input => inner.Input;
        public PipeWriter Output => inner.Output;
        public bool IsSecure => inner.IsSecure;
        public SslProtocols SslProtocol => inner.SslProtocol;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
            => inner.UpgradeAsync(certificate, protocols, cancellationToken);

        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                // Released whatever the disposal did: a leaked slot would lock everyone out until restart.
                if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release(client);
            }
        }
    }
}
