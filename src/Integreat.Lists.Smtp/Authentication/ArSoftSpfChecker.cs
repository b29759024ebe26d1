using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Spf;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Authentication;

namespace Integreat.Lists.Smtp.Authentication;

/// <summary><see cref="ISpfChecker"/> by ARSoft.Tools.Net's RFC 7208 <see cref="SpfValidator"/>, asking DNS through our
/// own <see cref="IDnsResolver"/> (so <c>Dns:Servers</c> and the test fakes apply).</summary>
/// <remarks>The validator counts DNS-querying terms and gives permerror past 10 (RFC 7208 §4.6.4). A fresh validator
/// per check: it keeps per-check state.</remarks>
public sealed class ArSoftSpfChecker(IDnsResolver dns) : ISpfChecker
{
    readonly ArSoftDnsResolver _resolver = new(dns);

    /// <inheritdoc />
    public async Task<AuthResult> CheckAsync(IPAddress client, string domain, string sender, string? helo, CancellationToken cancellationToken)
    {
        if (!DomainName.TryParse(domain, out var name) || name is null) return AuthResult.None;
        var validator = new SpfValidator { DnsResolver = _resolver, DnsLookupLimit = 10 };
        if (helo is not null && DomainName.TryParse(helo, out var heloName)) validator.HeloDomain = heloName;
        ValidationResult result;
        try
        {
            result = await validator.CheckHostAsync(client, name, sender, false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A malformed record can make the library's macro expansion throw (RFC 7208 §7.1: a syntax error is permerror).
            return AuthResult.PermError;
        }
        return result.Result switch
        {
            SpfQualifier.Pass => AuthResult.Pass,
            SpfQualifier.Fail => AuthResult.Fail,
            SpfQualifier.SoftFail => AuthResult.SoftFail,
            SpfQualifier.Neutral => AuthResult.Neutral,
            SpfQualifier.TempError => AuthResult.TempError,
            SpfQualifier.PermError => AuthResult.PermError,
            _ => AuthResult.None,
        };
    }
}
