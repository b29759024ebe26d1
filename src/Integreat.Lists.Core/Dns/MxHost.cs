namespace Integreat.Lists.Core.Dns;

/// <summary>One MX record (RFC 5321 §5.1).</summary>
/// <param name="Preference">Lower is tried first.</param>
/// <param name="Exchange">The host name without the trailing dot; "" is the null MX of RFC 7505 (".").</param>
public sealed record MxHost(int Preference, string Exchange);
