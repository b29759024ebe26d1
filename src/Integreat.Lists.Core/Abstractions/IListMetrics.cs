using Integreat.Lists.Core.Posting;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>What the core reports for monitoring; an adapter (the web adapter's Prometheus exporter) counts it.</summary>
/// <remarks>Implementations must be cheap and never throw: they are called on the mail path.</remarks>
public interface IListMetrics
{
    /// <summary>A post reached a list's posting address and is about to be decided.</summary>
    void PostReceived(string list);

    /// <summary>A post was decided.</summary>
    /// <param name="list">The list address.</param>
    /// <param name="disposition">Accept, reject, discard (and hold, with moderation).</param>
    /// <param name="intake">From the 250 reply (the spool entry's receipt time) to the decision being durable.</param>
    void PostDecided(string list, Disposition disposition, TimeSpan intake);

    /// <summary>One recipient's outcome of one delivery attempt.</summary>
    /// <param name="list">The list address.</param>
    /// <param name="status"><c>sent</c>, <c>deferred</c> or <c>bounced</c> (as in the delivery log line).</param>
    /// <param name="sinceHandoff">From the job's creation to this outcome: the delivery latency.</param>
    void RecipientAttempted(string list, string status, TimeSpan sinceHandoff);

    /// <summary>A bounce event was recorded for a member of <paramref name="list"/>.</summary>
    void BounceRecorded(string list);

    /// <summary>An inbound SMTP session began.</summary>
    void SmtpSessionStarted();
}
