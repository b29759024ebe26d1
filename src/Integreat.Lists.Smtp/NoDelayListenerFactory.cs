using System.Net.Sockets;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Integreat.Lists.Smtp;

/// <summary>SmtpServer's listener with TCP_NODELAY on every accepted socket.</summary>
/// <remarks>SmtpServer 11 leaves Nagle's algorithm on; with the client's delayed ACK every reply then waits about
/// 40 ms, which caps a pipelining client at about 20 transactions per second on loopback. Its own listener cannot
/// be configured (the constructor is internal), so this one accepts the sockets itself.</remarks>
/// <param name="limits">Idle and session limits for every connection, or null for none but SmtpServer's.</param>
public class NoDelayListenerFactory(SessionLimits? limits = null) : EndpointListenerFactory
{
    /// <inheritdoc/>
    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        var local = listener.LocalEndpoint;
        OnEndpointStarted(new EndpointEventArgs(endpointDefinition, local));
        return new Listener(listener, limits, () => OnEndpointStopped(new EndpointEventArgs(endpointDefinition, local)));
    }

    sealed class Listener(TcpListener listener, SessionLimits? limits, Action stopped) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var socket = await listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            socket.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint!;
            return new SocketPipe(new NetworkStream(socket, ownsSocket: true), limits);
        }

        public void Dispose()
        {
            listener.Stop();
            stopped();
        }
    }
}
