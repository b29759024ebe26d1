using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Web.Api.Models;

/// <summary>One bounce event.</summary>
/// <param name="Address">The recipient that failed.</param>
/// <param name="Kind">delivery, dsn, complaint, ...</param>
/// <param name="Dsn">The enhanced status code (RFC 3463).</param>
/// <param name="Reply">The server's reply or the report's text.</param>
/// <param name="MessageId">The Message-ID of the failed message.</param>
/// <param name="TimeUtc">When it happened (UTC).</param>
public sealed record BounceEventView(string Address, string Kind, string Dsn, string Reply, string MessageId, DateTime TimeUtc)
{
    /// <summary>The view of <paramref name="bounce"/>.</summary>
    public static BounceEventView Of(BounceEvent bounce)
        => new(bounce.Address, bounce.Kind, bounce.Dsn, bounce.Reply, bounce.MessageId, bounce.TimeUtc);
}
