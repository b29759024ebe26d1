using Integreat.Lists.Core.Dmarc;

namespace Integreat.Lists.Core.Authentication;

/// <summary>The DMARC result for the From: domain (RFC 7489 §3.1 identifier alignment, §6.6.2 evaluation).</summary>
/// <param name="Result">pass (an aligned DKIM or SPF pass), fail (a policy exists and nothing aligned passed), none (no
/// policy), temperror (the policy lookup failed), permerror (no single From: domain).</param>
/// <param name="FromDomain">The RFC5322.From domain, lower-case; empty for permerror.</param>
/// <param name="Policy">The policy that applies to <paramref name="FromDomain"/> (<c>p</c>, or <c>sp</c> for a
/// subdomain); null when none was found.</param>
public sealed record DmarcCheck(AuthResult Result, string FromDomain, DmarcPolicy? Policy);
