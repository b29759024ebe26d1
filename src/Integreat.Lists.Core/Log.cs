using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Core;

/// <summary>The log events of the core, with stable event ids. Message-related events lead with the Message-ID.</summary>
public static partial class Log
{
    /// <summary>One line per recipient per delivery attempt (Postfix's <c>log_adhoc</c> shape).</summary>
    [LoggerMessage(1001, LogLevel.Information,
        "{MessageId} list={List} to=<{Recipient}>, relay={Relay}, attempt={Attempt}, dsn={Dsn}, status={Status} ({Reply})")]
    public static partial void Delivery(this ILogger logger, string messageId, string list, string recipient, string relay,
        int attempt, string dsn, string status, string reply);

    /// <summary>A posting decision (Mailman's <c>vette</c> log).</summary>
    [LoggerMessage(1101, LogLevel.Information, "{MessageId} list={List} {Disposition} by rule {Rule}: {Reason}")]
    public static partial void Decision(this ILogger logger, string messageId, string list, string disposition, string rule, string reason);

    /// <summary>A message handed to delivery.</summary>
    [LoggerMessage(1102, LogLevel.Information, "{MessageId} list={List} queued for recipients={Count} as {PostId}")]
    public static partial void Queued(this ILogger logger, string messageId, string list, int count, string postId);

    /// <summary>An entry moved to another queue for a later runner.</summary>
    [LoggerMessage(1103, LogLevel.Information, "{MessageId} list={List} kept in queue {Queue} as {Id}")]
    public static partial void Kept(this ILogger logger, string messageId, string list, string queue, string id);

    /// <summary>A nonmember notice was not sent because the post is automated (RFC 3834).</summary>
    [LoggerMessage(1104, LogLevel.Information, "{MessageId} list={List} no notice to {Sender}: bounce or auto-reply")]
    public static partial void NoNotice(this ILogger logger, string messageId, string list, string sender);

    /// <summary>A nonmember notice was not sent because the address had its notices for the day.</summary>
    [LoggerMessage(1105, LogLevel.Information, "{MessageId} list={List} no notice to {Sender}: {Max} notices in 24 hours already")]
    public static partial void NoticeLimited(this ILogger logger, string messageId, string list, string sender, int max);

    /// <summary>An entry was shunted for a human.</summary>
    [LoggerMessage(1201, LogLevel.Error, "{Id} shunted from queue {Queue}: {Reason}")]
    public static partial void Shunted(this ILogger logger, Exception exception, string id, string queue, string reason);

    /// <summary>A delivery job gave up.</summary>
    [LoggerMessage(1202, LogLevel.Warning, "{MessageId} list={List} job {JobId} gave up after {Attempts} attempts")]
    public static partial void GaveUp(this ILogger logger, string messageId, string list, string jobId, int attempts);

    /// <summary>A command mail was not answered because it is automated or has no usable sender (RFC 3834).</summary>
    [LoggerMessage(1301, LogLevel.Information, "{MessageId} list={List} command mail from <{Sender}> not answered: bounce, auto-reply or list mail")]
    public static partial void NoCommandReply(this ILogger logger, string messageId, string list, string sender);

    /// <summary>A command reply was not sent because the address had its replies for the hour.</summary>
    [LoggerMessage(1302, LogLevel.Information, "{MessageId} list={List} no command reply to {Sender}: reply limit reached")]
    public static partial void CommandReplyLimited(this ILogger logger, string messageId, string list, string sender);
}
