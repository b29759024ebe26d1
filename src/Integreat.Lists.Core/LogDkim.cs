using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Core;

/// <summary>The log events of deliverability (DKIM, DMARC), ids 1601-1699.</summary>
public static partial class Log
{
    /// <summary>A message of a domain with a key went out unsigned because signing failed.</summary>
    [LoggerMessage(1601, LogLevel.Warning, "domain={Domain} DKIM signing failed, sent unsigned: {Reason}")]
    public static partial void DkimSigningFailed(this ILogger logger, string domain, string reason);
}
