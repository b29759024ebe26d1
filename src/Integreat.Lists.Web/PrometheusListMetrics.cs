using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Posting;
using Prometheus;

namespace Integreat.Lists.Web;

/// <summary>Counts the core's <see cref="IListMetrics"/> reports in a Prometheus registry of its own (one per
/// daemon, so two daemons in one test process never share counters).</summary>
/// <remarks>Names follow the Prometheus conventions: <c>_total</c> for counters, base units (seconds).</remarks>
public sealed class PrometheusListMetrics : IListMetrics
{
    readonly Counter _received, _decided, _deliveries, _bounces, _sessions;
    readonly Histogram _intake, _delivery;

    /// <summary>Creates the registry and the counters.</summary>
    public PrometheusListMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _received = factory.CreateCounter("integreat_lists_posts_received_total", "Posts that reached a list's posting address.", "list");
        _decided = factory.CreateCounter("integreat_lists_posts_total", "Posts by decision (accept, hold, reject, discard).", "list", "disposition");
        _deliveries = factory.CreateCounter("integreat_lists_deliveries_total", "Recipient outcomes of delivery attempts (sent, deferred, bounced).", "list", "status");
        _bounces = factory.CreateCounter("integreat_lists_bounce_events_total", "Bounce events recorded.", "list");
        _sessions = factory.CreateCounter("integreat_lists_smtp_sessions_total", "Inbound SMTP sessions begun.");
        _intake = factory.CreateHistogram("integreat_lists_intake_latency_seconds", "From the 250 reply to the post's decision.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 4, 10) });
        _delivery = factory.CreateHistogram("integreat_lists_delivery_latency_seconds", "From the hand-off to delivery to a recipient's 2xx.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.01, 4, 12) });
    }

    /// <summary>The registry <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <inheritdoc/>
    public void PostReceived(string list) => _received.WithLabels(list).Inc();

    /// <inheritdoc/>
    public void PostDecided(string list, Disposition disposition, TimeSpan intake)
    {
        _decided.WithLabels(list, disposition.ToString().ToLowerInvariant()).Inc();
        _intake.Observe(Math.Max(0, intake.TotalSeconds));
    }

    /// <inheritdoc/>
    public void RecipientAttempted(string list, string status, TimeSpan sinceHandoff)
    {
        _deliveries.WithLabels(list, status).Inc();
        if (status == "sent") _delivery.Observe(Math.Max(0, sinceHandoff.TotalSeconds));
    }

    /// <inheritdoc/>
    public void BounceRecorded(string list) => _bounces.WithLabels(list).Inc();

    /// <inheritdoc/>
    public void SmtpSessionStarted() => _sessions.Inc();
}
