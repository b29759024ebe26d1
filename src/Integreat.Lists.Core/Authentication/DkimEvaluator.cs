using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dkim;
using Integreat.Lists.Core.Dns;
using MimeKit;
using MimeKit.Cryptography;

namespace Integreat.Lists.Core.Authentication;

/// <summary>Verifies the DKIM-Signature fields of an incoming message (RFC 6376 §6) with MimeKit's
/// <see cref="DkimVerifier"/>, keys from DNS through <see cref="IDnsResolver"/>.</summary>
/// <remarks>At most <see cref="MaxSignatures"/> signatures are checked (RFC 6376 §6.1 lets a verifier limit them), so a
/// message with hundreds of signatures cannot make us ask DNS hundreds of times. rsa-sha1 counts as fail (RFC 8301 §3.1),
/// keys below 1024 bits as permerror (§3.2).</remarks>
public sealed class DkimEvaluator(IDnsResolver dns)
{
    /// <summary>The most signatures verified per message.</summary>
    public const int MaxSignatures = 5;

    readonly DnsDkimKeyLocator _keys = new(dns);

    /// <summary>One result per DKIM-Signature (the first <see cref="MaxSignatures"/>), in header order.</summary>
    /// <param name="message">The message as received.</param>
    /// <param name="cancellationToken">Cancels the DNS questions.</param>
    public async Task<IReadOnlyList<DkimCheck>> VerifyAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var results = new List<DkimCheck>();
        foreach (var field in message.Headers.Where(h => h.Id == HeaderId.DkimSignature).Take(MaxSignatures))
            results.Add(await VerifyAsync(message, field, cancellationToken).ConfigureAwait(false));
        return results;
    }

    async Task<DkimCheck> VerifyAsync(MimeMessage message, Header field, CancellationToken cancellationToken)
    {
        var tags = Tags(field.Value);
        var domain = tags.GetValueOrDefault("d", "").ToLowerInvariant();
        var selector = tags.GetValueOrDefault("s", "");
        if (domain.Length == 0 || selector.Length == 0) return new DkimCheck(AuthResult.PermError, domain, selector);
        var verifier = new DkimVerifier(_keys);
        try
        {
            var pass = await verifier.VerifyAsync(message, field, cancellationToken).ConfigureAwait(false);
            return new DkimCheck(pass ? AuthResult.Pass : AuthResult.Fail, domain, selector);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // MimeKit and BouncyCastle throw many kinds for malformed signatures and keys; none of them may stop the post.
            return new DkimCheck(await KeyProblemAsync(domain, selector, cancellationToken).ConfigureAwait(false), domain, selector);
        }
    }

    /// <summary>Why a signature could not be verified: temperror when its key could not be fetched, permerror when
    /// the key is missing or broken, neutral when the key is fine and the signature itself is malformed.</summary>
    async Task<AuthResult> KeyProblemAsync(string domain, string selector, CancellationToken cancellationToken)
    {
        try
        {
            var (status, key) = await _keys.FindAsync(domain, selector, cancellationToken).ConfigureAwait(false);
            return status == DnsStatus.Failure ? AuthResult.TempError : key is null ? AuthResult.PermError : AuthResult.Neutral;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return AuthResult.PermError;
        }
    }

    /// <summary>The tag=value pairs of a signature (RFC 6376 §3.2), whitespace removed from the values.</summary>
    static Dictionary<string, string> Tags(string value)
        => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Concat(g.First()[1].Where(c => !char.IsWhiteSpace(c))), StringComparer.Ordinal);
}
