namespace Integreat.Lists.Core.Messages;

/// <summary>The SMTP envelope of a message (RFC 5321 §2.3.1).</summary>
/// <param name="Sender">The envelope sender (MAIL FROM), empty for the null reverse-path <c>&lt;&gt;</c>.</param>
/// <param name="Recipients">The envelope recipients (RCPT TO), as received.</param>
public sealed record Envelope(string Sender, IReadOnlyList<string> Recipients);
