using SmtpServer.Protocol;

namespace Integreat.Lists.Smtp;

/// <summary>Every SMTP reply the intake gives on purpose, with its RFC 3463 enhanced status code.</summary>
public static class Replies
{
    /// <summary>The message is on disk.</summary>
    public static SmtpResponse Queued(string id) => new(SmtpReplyCode.Ok, "2.0.0 queued as " + id);

    /// <summary>No list has this local part (RFC 3463 §3.2 X.1.1).</summary>
    public static readonly SmtpResponse NoSuchList = new(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such list here");

    /// <summary>The domain is not ours: we are not a relay (RFC 5321 §3.6.2, X.7.1).</summary>
    public static readonly SmtpResponse RelayDenied = new(SmtpReplyCode.MailboxUnavailable, "5.7.1 relaying denied: not a list domain");

    /// <summary>Too many recipients in one transaction (RFC 5321 §4.5.3.1.10, X.5.3).</summary>
    public static readonly SmtpResponse TooManyRecipients = new((SmtpReplyCode)452, "4.5.3 too many recipients");

    /// <summary>Too many refused recipients in one session: the session is closed (RFC 5321 §3.8, X.7.0).</summary>
    public static readonly SmtpResponse TooManyRefusals = new(SmtpReplyCode.ServiceUnavailable, "4.7.0 too many refused recipients, closing");

    /// <summary>The message (or its declared size, RFC 1870 §6.2) is over the advertised SIZE (RFC 3463 X.3.4).</summary>
    public static readonly SmtpResponse MessageTooBig = new((SmtpReplyCode)552, "5.3.4 message size exceeds the fixed maximum");

    /// <summary>The spool failed: the client must retry (never a 5xx for our own trouble).</summary>
    public static readonly SmtpResponse SpoolUnavailable = new(SmtpReplyCode.Aborted, "4.3.0 temporary local problem, try again later");

    /// <summary>The server is shutting down.</summary>
    public static readonly SmtpResponse ShuttingDown = new(SmtpReplyCode.ServiceUnavailable, "4.3.2 shutting down, try again later");

    /// <summary>A non-ASCII domain that SmtpServer 11 would mangle (LIBRARIES.md §1.3).</summary>
    public static readonly SmtpResponse BadAddress = new((SmtpReplyCode)553, "5.1.3 address not accepted");
}
