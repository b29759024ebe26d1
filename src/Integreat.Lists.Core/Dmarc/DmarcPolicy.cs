namespace Integreat.Lists.Core.Dmarc;

/// <summary>What a domain owner asks receivers to do with mail that fails DMARC (RFC 7489 §6.3, tags <c>p</c>
/// and <c>sp</c>).</summary>
public enum DmarcPolicy
{
    /// <summary><c>none</c>: no special treatment, reports only.</summary>
    None,

    /// <summary><c>quarantine</c>: treat failing mail as suspicious (spam folder).</summary>
    Quarantine,

    /// <summary><c>reject</c>: refuse failing mail during the SMTP transaction.</summary>
    Reject,
}
