using Integreat.Lists.Core.Dmarc;

namespace Integreat.Lists.Core.Authentication;

/// <summary>Everything known about the authenticity of one incoming message: its DKIM signatures, SPF, and DMARC.</summary>
/// <param name="AuthservId">Whose checks these are: our authserv-id, or the trusted MTA's whose
/// <c>Authentication-Results</c> supplied the DKIM and SPF results (RFC 8601 §2.5).</param>
/// <param name="Dkim">One result per DKIM-Signature checked, in header order; empty when unsigned.</param>
/// <param name="Spf">The SPF result; null when it could not be checked (no client address).</param>
/// <param name="Dmarc">The DMARC result.</param>
public sealed record AuthenticationVerdict(string AuthservId, IReadOnlyList<DkimCheck> Dkim, SpfCheck? Spf, DmarcCheck Dmarc)
{
    /// <summary>True when the From: domain publishes <c>p=reject</c> (for it) and the message failed DMARC: someone
    /// else's server wrote this From:, the way forged member addresses get into a members-only list.</summary>
    public bool FailsDmarcReject => Dmarc is { Result: AuthResult.Fail, Policy: DmarcPolicy.Reject };
}
