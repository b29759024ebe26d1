using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Core;

/// <summary>The log events of bounce processing (Mailman's <c>bounce</c> log), event ids 14xx.</summary>
public static partial class Log
{
    /// <summary>A bounce applied to a member's score.</summary>
    [LoggerMessage(1401, LogLevel.Information,
        "{MessageId} list={List} bounce of <{Member}> kind={Kind} dsn={Dsn} weight={Weight} score={Score}: {Step}")]
    public static partial void BounceScored(this ILogger logger, string messageId, string list, string member, string kind,
        string dsn, double weight, double score, string step);

    /// <summary>A timed bounce step (probe passed, score reset, warning, removal).</summary>
    [LoggerMessage(1402, LogLevel.Information, "list={List} member=<{Member}> {Step} (score {Score})")]
    public static partial void BounceStep(this ILogger logger, string list, string member, string step, double score);

    /// <summary>A message to the bounces address that scores nobody.</summary>
    [LoggerMessage(1403, LogLevel.Information, "{MessageId} list={List} bounces address: {What} via {Recogniser}, nobody scored")]
    public static partial void BounceIgnored(this ILogger logger, string messageId, string list, string what, string recogniser);

    /// <summary>A spam complaint (ARF).</summary>
    [LoggerMessage(1404, LogLevel.Warning, "{MessageId} list={List} complaint ({FeedbackType}) about <{Member}>, delivery disabled: {Disabled}")]
    public static partial void Complaint(this ILogger logger, string messageId, string list, string member, string feedbackType, bool disabled);

    /// <summary>An owner notice of bounce processing had nobody to go to.</summary>
    [LoggerMessage(1405, LogLevel.Warning, "list={List} has no owner or moderator for a bounce notice")]
    public static partial void NoOwner(this ILogger logger, string list);
}
