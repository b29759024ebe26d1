namespace Integreat.Lists.Core.Model;

/// <summary>When a list rewrites a post's <c>From</c> to its own address so that members' servers do not reject
/// or quarantine it for failing the author domain's DMARC (RFC 7960 §4.1.3; Mailman's <c>munge_from</c>).</summary>
public enum DmarcMitigation
{
    /// <summary>When the author's domain publishes <c>p=reject</c> or <c>p=quarantine</c> (for a subdomain: its
    /// <c>sp</c>), or when its DMARC record cannot be looked up (the safe side). The default.</summary>
    WhenRequired = 0,

    /// <summary>Never: every post keeps its author's <c>From</c>.</summary>
    Never = 1,

    /// <summary>Always: every post goes out <c>From</c> the list.</summary>
    Always = 2,
}
