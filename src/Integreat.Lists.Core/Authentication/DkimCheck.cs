namespace Integreat.Lists.Core.Authentication;

/// <summary>The result of one DKIM-Signature (RFC 6376 §6; RFC 8601 §2.7.1 <c>header.d</c>, <c>header.s</c>).</summary>
/// <param name="Result">pass, fail, neutral (unusable signature), temperror (key lookup failed), permerror (no key).</param>
/// <param name="Domain">The signing domain <c>d=</c>, lower-case; empty when the signature has none.</param>
/// <param name="Selector">The selector <c>s=</c>.</param>
public sealed record DkimCheck(AuthResult Result, string Domain, string Selector);
