using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Delivery;

/// <summary>Direct delivery (<c>Delivery:Mode = mx</c>): each recipient domain's mail goes to its MX hosts
/// (RFC 5321 §5.1), found through <see cref="MxRouter"/>.</summary>
/// <remarks>A session opens no connection up front; it connects per domain as transactions need and keeps those
/// connections for the next transactions to the same domain, within <see cref="DeliveryOptions.MxConnectionsPerDomain"/>.</remarks>
public sealed class MxTransport(IDnsResolver dns, IOptions<DeliveryOptions> options) : IOutboundTransport
{
    readonly MxRouter _router = new(dns);
    readonly DomainSlots _slots = new(options.Value.MxConnectionsPerDomain);

    /// <inheritdoc/>
    public string Relay => "mx";

    /// <inheritdoc/>
    public Task<IOutboundSession> OpenAsync(CancellationToken cancellationToken)
        => Task.FromResult<IOutboundSession>(new MxSession(_router, _slots, options.Value));
}
