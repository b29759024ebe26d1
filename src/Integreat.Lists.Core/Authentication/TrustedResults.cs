using MimeKit;
using MimeKit.Cryptography;

namespace Integreat.Lists.Core.Authentication;

/// <summary>The DKIM and SPF results a trusted MTA in front of us (Postfix with OpenDKIM/OpenDMARC) wrote into its
/// <c>Authentication-Results</c> field (RFC 8601 §2.7.1 <c>header.d</c>, §2.7.2 <c>smtp.mailfrom</c>).</summary>
/// <remarks>Only the fields at the top of the header, above the first <c>Received:</c>, count: those the last hop
/// wrote (as for admin mode (b), <see cref="Commands.AdminAuthentication"/>). A sender can write any field into its
/// own message, but it ends up below the trusted MTA's <c>Received:</c>.</remarks>
public static class TrustedResults
{
    /// <summary>The first trusted field's results, or null when no trusted MTA vouched.</summary>
    /// <param name="headers">The message header as received.</param>
    /// <param name="trustedIds">The trusted authserv-ids (never our own).</param>
    public static (string AuthservId, IReadOnlyList<DkimCheck> Dkim, SpfCheck? Spf)? Find(HeaderList headers,
        IReadOnlyCollection<string> trustedIds)
    {
        if (trustedIds.Count == 0) return null;
        foreach (var header in headers)
        {
            if (header.Id == HeaderId.Received) break;
            if (header.Id != HeaderId.AuthenticationResults) continue;
            if (!AuthenticationResults.TryParse(header.RawValue, out var results)) continue;
            var id = results.AuthenticationServiceIdentifier;
            if (id is null || !trustedIds.Contains(id, StringComparer.OrdinalIgnoreCase)) continue;
            var dkim = results.Results.Where(r => Is(r.Method, "dkim"))
                .Select(r => new DkimCheck(Parse(r.Result), Property(r, "header", "d").ToLowerInvariant(), Property(r, "header", "s")))
                .ToList();
            var spf = results.Results.Where(r => Is(r.Method, "spf")).Select(Spf).FirstOrDefault();
            return (id.ToLowerInvariant(), dkim, spf);
        }
        return null;
    }

    static SpfCheck Spf(AuthenticationMethodResult result)
    {
        var mailFrom = Property(result, "smtp", "mailfrom");
        var domain = mailFrom.Length > 0 ? mailFrom[(mailFrom.LastIndexOf('@') + 1)..] : Property(result, "smtp", "helo");
        return new SpfCheck(Parse(result.Result), domain.ToLowerInvariant(), mailFrom.Length == 0);
    }

    static string Property(AuthenticationMethodResult result, string type, string name)
        => result.Properties.FirstOrDefault(p => Is(p.PropertyType, type) && Is(p.Property, name))?.Value ?? "";

    static AuthResult Parse(string? word)
        => Enum.TryParse<AuthResult>(word, ignoreCase: true, out var result) && Enum.IsDefined(result) ? result : AuthResult.PermError;

    static bool Is(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
