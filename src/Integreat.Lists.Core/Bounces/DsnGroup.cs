namespace Integreat.Lists.Core.Bounces;

/// <summary>The per-recipient fields of one RFC 3464 §2.3 group, as found in a delivery-status part or in text.</summary>
/// <param name="Recipient">The recipient (lower-cased, type and brackets removed): <c>Original-Recipient</c> unless an
/// rfc822 <c>Final-Recipient</c> is in another domain, else <c>Final-Recipient</c>, else <c>X-Actual-Recipient</c>;
/// empty when none is an address.</param>
/// <param name="Action">The <c>Action</c> field, lower-cased (<c>failed</c>, <c>delayed</c>, <c>delivered</c>, …); empty when absent.</param>
/// <param name="Status">The <c>Status</c> field as given (<c>5.1.1</c>, <c>4.4.7 (delivery time expired)</c>); empty when absent.</param>
/// <param name="Diagnostic">The <c>Diagnostic-Code</c> field without its type (<c>smtp;</c>), on one line; empty when absent.</param>
/// <param name="Original">The rfc822 <c>Original-Recipient</c> when it differs from <paramref name="Recipient"/>; else empty.</param>
internal sealed record DsnGroup(string Recipient, string Action, string Status, string Diagnostic, string Original = "");
