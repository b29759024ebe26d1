namespace Integreat.Lists.Core.Authentication;

/// <summary>The SPF result (RFC 7208 §2.6) for the envelope sender's domain, or the HELO name when the envelope sender
/// is null (§2.4).</summary>
/// <param name="Result">The check_host() result.</param>
/// <param name="Domain">The domain checked, lower-case (RFC 8601 <c>smtp.mailfrom</c> or <c>smtp.helo</c>).</param>
/// <param name="IsHelo">True when <paramref name="Domain"/> is the HELO identity.</param>
public sealed record SpfCheck(AuthResult Result, string Domain, bool IsHelo);
