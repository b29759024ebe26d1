namespace Integreat.Lists.Smtp;

/// <summary>How long an SMTP client may keep a connection: <paramref name="Idle"/> without sending anything, and
/// <paramref name="Session"/> in all; past either it gets <c>421 4.4.2</c> and the connection is closed.</summary>
/// <remarks>SmtpServer 11 has its own limits but answers a session timeout during DATA with a permanent 554 and an
/// idle client with 221 (LIBRARIES.md §1.6, §1.8); ours fire first (see <see cref="SmtpServerFactory.LibraryTimeoutSlack"/>).</remarks>
public sealed record SessionLimits(TimeSpan Idle, TimeSpan Session);
