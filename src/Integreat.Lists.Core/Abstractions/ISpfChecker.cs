using System.Net;
using Integreat.Lists.Core.Authentication;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The port to SPF (RFC 7208): may this client send mail for this domain?</summary>
public interface ISpfChecker
{
    /// <summary>Runs check_host() (RFC 7208 §4) for <paramref name="client"/> and <paramref name="domain"/>.</summary>
    /// <param name="client">The SMTP client's IP address.</param>
    /// <param name="domain">The envelope sender's domain, or the HELO name when the envelope sender is null (§2.4).</param>
    /// <param name="sender">The envelope sender (or <c>postmaster@HELO</c>), for macros (§7).</param>
    /// <param name="helo">The EHLO/HELO name, for the <c>%{h}</c> macro; null when unknown.</param>
    /// <param name="cancellationToken">Cancels the DNS questions; the only exception this throws.</param>
    /// <returns>pass, fail, softfail, neutral, none, temperror (DNS failure) or permerror (a broken record, §4.6.4
    /// lookup limits).</returns>
    Task<AuthResult> CheckAsync(IPAddress client, string domain, string sender, string? helo, CancellationToken cancellationToken);
}
