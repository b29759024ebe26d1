using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Core;

/// <summary>The log events of moderation (Mailman's <c>vette</c> log), ids 1301-1399.</summary>
public static partial class Log
{
    /// <summary>A post was held for a moderator.</summary>
    [LoggerMessage(1301, LogLevel.Information, "{MessageId} list={List} held as {Id}: {Reasons}")]
    public static partial void HeldPost(this ILogger logger, string messageId, string list, string id, string reasons);

    /// <summary>A held post was decided on.</summary>
    [LoggerMessage(1302, LogLevel.Information, "{MessageId} list={List} hold {Id}: {Verb} by {Actor}")]
    public static partial void HoldDecided(this ILogger logger, string messageId, string list, string id, string verb, string actor);

    /// <summary>A list without moderators or owners got a hold; only the CLI can decide on it.</summary>
    [LoggerMessage(1303, LogLevel.Warning, "{MessageId} list={List} hold {Id}: no moderator or owner to notify; " +
        "add one with 'members add LIST ADDRESS --role moderator', decide with 'held approve|reject|discard ID'")]
    public static partial void NoModerator(this ILogger logger, string messageId, string list, string id);

    /// <summary>A reminder of pending holds went to the moderators.</summary>
    [LoggerMessage(1304, LogLevel.Information, "list={List} reminder of {Count} held posts sent to {Moderators} moderators")]
    public static partial void HoldDigest(this ILogger logger, string list, int count, int moderators);
}
