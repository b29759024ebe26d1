using System.Globalization;
using MimeKit;
using MimeKit.Cryptography;

namespace Integreat.Lists.Core.Commands;

/// <summary>Admin mode (b) of issue 4: a command mail whose From: is an admin runs at once when a trusted
/// receiving MTA vouches for it, i.e. it carries an <c>Authentication-Results</c> field (RFC 8601) with a
/// configured authserv-id, <c>dkim=pass</c> and a <c>header.d</c> aligned with the From: domain.</summary>
/// <remarks>Only the fields at the top of the header, above the first <c>Received:</c>, are read: those the last
/// hop wrote. A sender can write any field into its own message, but it ends up below the <c>Received:</c> of the
/// trusted MTA. That MTA must also remove incoming fields that claim its authserv-id (RFC 8601 §5), and the daemon
/// must be reachable only through it while <c>Commands:TrustedAuthservIds</c> is set. Fields of other
/// authserv-ids are ignored (RFC 8601 §4.1).</remarks>
public static class AdminAuthentication
{
    /// <summary>The trusted authserv-id that vouched for <paramref name="fromAddress"/>, or null when none did.</summary>
    /// <param name="headers">The command mail's header.</param>
    /// <param name="fromAddress">The From: address (normalised).</param>
    /// <param name="trustedIds">The configured authserv-ids; empty means mode (a) only.</param>
    public static string? VouchedBy(HeaderList headers, string fromAddress, IReadOnlyCollection<string> trustedIds)
    {
        if (trustedIds.Count == 0) return null;
        var fromDomain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        foreach (var header in headers)
        {
            if (header.Id == HeaderId.Received) break;
            if (header.Id != HeaderId.AuthenticationResults) continue;
            if (!AuthenticationResults.TryParse(header.RawValue, out var results)) continue;
            var id = results.AuthenticationServiceIdentifier;
            if (id is null || !trustedIds.Contains(id, StringComparer.OrdinalIgnoreCase)) continue;
            if (results.Results.Any(r => IsAlignedDkimPass(r, fromDomain))) return id.ToLower(CultureInfo.InvariantCulture);
        }
        return null;
    }

    static bool IsAlignedDkimPass(AuthenticationMethodResult result, string fromDomain)
        => string.Equals(result.Method, "dkim", StringComparison.OrdinalIgnoreCase)
           && string.Equals(result.Result, "pass", StringComparison.OrdinalIgnoreCase)
           && result.Properties.Any(p => string.Equals(p.PropertyType, "header", StringComparison.OrdinalIgnoreCase)
                                         && string.Equals(p.Property, "d", StringComparison.OrdinalIgnoreCase)
                                         && DomainAlignment.IsAligned(p.Value, fromDomain));
}
