namespace Integreat.Lists.Core.Dmarc;

/// <summary>How closely an authenticated domain must match the From: domain (RFC 7489 §3.1, tags <c>adkim</c> and
/// <c>aspf</c>).</summary>
public enum DmarcAlignment
{
    /// <summary><c>r</c> (default): the organisational domains are equal.</summary>
    Relaxed,

    /// <summary><c>s</c>: the domains are exactly equal.</summary>
    Strict,
}
