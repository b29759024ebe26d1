using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Core;

/// <summary>The log events of outbound DMARC mitigation, ids 1650-1659.</summary>
public static partial class Log
{
    /// <summary>A post's From was rewritten to the list (RFC 7960 §4.1.3).</summary>
    [LoggerMessage(1650, LogLevel.Information, "{MessageId} list={List} From {Author} rewritten to the list: {Reason}")]
    public static partial void DmarcMitigated(this ILogger logger, string messageId, string list, string author, string reason);
}
