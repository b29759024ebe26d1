namespace Integreat.Lists.Core.Commands;

/// <summary>A mail composed by command processing, ready to be handed to delivery.</summary>
/// <param name="Bytes">The message (CRLF).</param>
/// <param name="MessageId">Its Message-ID.</param>
/// <param name="Recipients">Its envelope recipients.</param>
public sealed record OutgoingMail(byte[] Bytes, string MessageId, IReadOnlyList<string> Recipients);
