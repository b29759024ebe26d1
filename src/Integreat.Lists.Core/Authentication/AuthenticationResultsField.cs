using System.Text;
using MimeKit;
using MimeKit.Cryptography;

namespace Integreat.Lists.Core.Authentication;

/// <summary>Our <c>Authentication-Results</c> field (RFC 8601 §2.2) and the removal of forged ones (§5).</summary>
public static class AuthenticationResultsField
{
    /// <summary>The field name.</summary>
    public const string Name = "Authentication-Results";

    /// <summary>Removes every <c>Authentication-Results</c> field that claims <paramref name="authservId"/>: nobody but
    /// us may speak for it (RFC 8601 §5), wherever in the header the field sits.</summary>
    /// <returns>How many fields were removed.</returns>
    public static int RemoveClaimsOf(HeaderList headers, string authservId)
    {
        var forged = headers.Where(h => h.Id == HeaderId.AuthenticationResults
                                        && string.Equals(IdOf(h), authservId, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var field in forged) headers.Remove(field);
        return forged.Count;
    }

    /// <summary>The authserv-id a field claims: MimeKit's parse, else the first token (a field MimeKit cannot parse
    /// must not slip past the removal).</summary>
    public static string? IdOf(Header field)
    {
        if (AuthenticationResults.TryParse(field.RawValue, out var parsed) && parsed.AuthenticationServiceIdentifier is { } id) return id;
        var value = field.Value.TrimStart();
        var end = value.IndexOfAny([';', ' ', '\t', '(', '\r', '\n']);
        return end < 0 ? value : value[..end];
    }

    /// <summary>Our field for <paramref name="verdict"/>, e.g. <c>lists.example; dkim=pass header.d=example.org
    /// header.s=s1; spf=pass smtp.mailfrom=example.org; dmarc=pass (p=reject) header.from=example.org</c>.</summary>
    /// <param name="authservId">Our authserv-id.</param>
    /// <param name="verdict">The results; when they came from a trusted MTA, a comment names it.</param>
    public static Header Create(string authservId, AuthenticationVerdict verdict)
    {
        var text = new StringBuilder(authservId);
        if (!string.Equals(verdict.AuthservId, authservId, StringComparison.OrdinalIgnoreCase))
            text.Append(" (dkim and spf from ").Append(verdict.AuthservId).Append(')');
        if (verdict.Dkim.Count == 0) text.Append("; dkim=none");
        foreach (var dkim in verdict.Dkim)
        {
            text.Append("; dkim=").Append(Word(dkim.Result));
            if (dkim.Domain.Length > 0) text.Append(" header.d=").Append(dkim.Domain);
            if (dkim.Selector.Length > 0) text.Append(" header.s=").Append(dkim.Selector);
        }
        if (verdict.Spf is { } spf)
            text.Append("; spf=").Append(Word(spf.Result)).Append(spf.IsHelo ? " smtp.helo=" : " smtp.mailfrom=").Append(spf.Domain);
        var dmarc = verdict.Dmarc;
        text.Append("; dmarc=").Append(Word(dmarc.Result));
        if (dmarc.Policy is { } policy) text.Append(" (p=").Append(policy.ToString().ToLowerInvariant()).Append(')');
        if (dmarc.FromDomain.Length > 0) text.Append(" header.from=").Append(dmarc.FromDomain);
        return new Header(Name, text.ToString());
    }

    /// <summary>The result keyword (RFC 8601 §2.7).</summary>
    public static string Word(AuthResult result) => result.ToString().ToLowerInvariant();
}
