using System.Net;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Messages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integreat.Lists.Core.Authentication;

/// <summary>Evaluates an incoming post or command mail after the 250 (never in the SMTP session): DKIM, SPF of the
/// envelope sender from the client's address, DMARC of the From: domain, or the DKIM and SPF results of a trusted MTA
/// in front; then removes <c>Authentication-Results</c> fields forged in our name (RFC 8601 §5) and puts ours at the
/// top of the header (§4: above every <c>Received:</c>, where admin mode (b) reads it).</summary>
public sealed class InboundAuthenticator(
    DkimEvaluator dkim,
    ISpfChecker spf,
    DmarcEvaluator dmarc,
    IOptions<AuthenticationOptions> options,
    IOptions<CommandOptions> commands)
{
    /// <summary>The longest the DNS work for one message may take; past it the open questions count as failed.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Our authserv-id.</summary>
    public string AuthservId => options.Value.AuthservId;

    /// <summary>The trusted MTAs' authserv-ids, never including our own.</summary>
    IReadOnlyCollection<string> TrustedIds => commands.Value.TrustedAuthservIds
        .Where(id => !string.Equals(id, AuthservId, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Evaluates <paramref name="message"/> and edits its header: forged fields out, ours in at the top.</summary>
    /// <param name="message">The parsed message; its header is edited.</param>
    /// <param name="raw">The bytes as received (what the DKIM signatures cover).</param>
    /// <param name="data">The spool metadata: envelope sender, client address, HELO name.</param>
    public AuthenticationVerdict Authenticate(RawMessage message, byte[] raw, MessageData data)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        AuthenticationVerdict verdict;
        try
        {
            verdict = EvaluateAsync(message.Headers, raw, data, deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            verdict = new AuthenticationVerdict(AuthservId, [], null, new DmarcCheck(AuthResult.TempError, "", null));
        }
        AuthenticationResultsField.RemoveClaimsOf(message.Headers, AuthservId);
        message.Headers.Insert(0, AuthenticationResultsField.Create(AuthservId, verdict));
        return verdict;
    }

    /// <summary>The verdict without editing anything.</summary>
    public async Task<AuthenticationVerdict> EvaluateAsync(HeaderList headers, byte[] raw, MessageData data, CancellationToken cancellationToken)
    {
        if (TrustedResults.Find(headers, TrustedIds) is { } trusted)
        {
            var fromTrusted = await dmarc.EvaluateAsync(headers, trusted.Dkim, trusted.Spf, cancellationToken).ConfigureAwait(false);
            return new AuthenticationVerdict(trusted.AuthservId, trusted.Dkim, trusted.Spf, fromTrusted);
        }
        if (!options.Value.Verify) return new AuthenticationVerdict(AuthservId, [], null, new DmarcCheck(AuthResult.None, "", null));
        var signatures = headers.Contains(HeaderId.DkimSignature) && Parse(raw) is { } parsed ? await dkim.VerifyAsync(parsed, cancellationToken).ConfigureAwait(false) : [];
        var sender = await CheckSpfAsync(data, cancellationToken).ConfigureAwait(false);
        var result = await dmarc.EvaluateAsync(headers, signatures, sender, cancellationToken).ConfigureAwait(false);
        return new AuthenticationVerdict(AuthservId, signatures, sender, result);
    }

    /// <summary>SPF for the envelope sender's domain, or <c>postmaster@HELO</c> for the null sender (RFC 7208 §2.4);
    /// null when the client's address is unknown or there is no identity to check.</summary>
    async Task<SpfCheck?> CheckSpfAsync(MessageData data, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(data.ClientAddress, out var client)) return null;
        var isHelo = data.Sender.Length == 0;
        var domain = isHelo ? data.HeloName ?? "" : EmailAddress.DomainOf(data.Sender);
        if (domain.Length == 0) return null;
        var sender = isHelo ? "postmaster@" + domain : data.Sender;
        var result = await spf.CheckAsync(client, domain, sender, data.HeloName, cancellationToken).ConfigureAwait(false);
        return new SpfCheck(result, domain.ToLowerInvariant(), isHelo);
    }

    static MimeMessage? Parse(byte[] raw)
    {
        try
        {
            // Persistent: the body hash reads the array instead of a copy of a possibly 10 MB body; the stream is not
            // disposed because the parts keep reading it, and it owns nothing but the array.
            return MimeMessage.Load(new MemoryStream(raw, writable: false), persistent: true);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
