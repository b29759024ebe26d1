using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Integreat.Lists.Testing;

/// <summary>The fake smarthost's listener: while <paramref name="broken"/> says so, STARTTLS is answered with
/// <c>220</c> and then bytes that are no TLS handshake, so the client's handshake fails.</summary>
internal sealed class BreakableTlsListenerFactory(Func<bool> broken) : Integreat.Lists.Smtp.NoDelayListenerFactory
{
    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        => new Listener(base.CreateListener(endpointDefinition), broken);

    sealed class Listener(IEndpointListener inner, Func<bool> broken) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            => new Pipe(await inner.GetPipeAsync(context, cancellationToken).ConfigureAwait(false), broken);

        public void Dispose() => inner.Dispose();
    }

    sealed class Pipe(ISecurableDuplexPipe inner, Func<bool> broken) : ISecurableDuplexPipe
    {
        public PipeReader Input => inner.Input;
        public PipeWriter Output => inner.Output;
        public bool IsSecure => inner.IsSecure;
        public SslProtocols SslProtocol => inner.SslProtocol;

        public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
        {
            if (!broken())
            {
                await inner.UpgradeAsync(certificate, protocols, cancellationToken).ConfigureAwait(false);
                return;
            }
            await inner.Output.WriteAsync("this is no TLS server hello\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            throw new AuthenticationException("FakeSmarthost: TLS broken on purpose");
        }

        public void Dispose() => inner.Dispose();
    }
}
