using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Prometheus;

namespace Integreat.Lists.Web;

/// <summary>Gauges read from the queues at each scrape: spool entries per queue, and the deferred delivery jobs
/// (attempted at least once, waiting for a retry) with the age of the oldest.</summary>
public static class QueueGauges
{
    /// <summary>Registers the gauges and the callback that fills them before each collection.</summary>
    public static void Register(CollectorRegistry registry, ISpool spool, IDeliveryQueue deliveries, TimeProvider time)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        var spooled = factory.CreateGauge("integreat_lists_spool_entries", "Entries waiting in each spool queue.", "queue");
        var jobs = factory.CreateGauge("integreat_lists_deferred_jobs", "Delivery jobs waiting for a retry.");
        var recipients = factory.CreateGauge("integreat_lists_deferred_recipients", "Recipients waiting for a retry.");
        var oldest = factory.CreateGauge("integreat_lists_deferred_oldest_age_seconds", "Age of the oldest deferred delivery job; 0 when none.");
        var shunted = factory.CreateGauge("integreat_lists_shunted_jobs", "Delivery jobs parked for an operator.");
        registry.AddBeforeCollectCallback(() =>
        {
            foreach (var queue in QueueName.All) spooled.WithLabels(queue).Set(spool.List(queue).Count);
            var all = deliveries.All();
            var deferred = all.Where(j => j.Attempts > 0 && !j.Shunted).ToList();
            jobs.Set(deferred.Count);
            recipients.Set(deferred.Sum(j => j.Recipients.Count));
            var now = time.GetUtcNow().UtcDateTime;
            oldest.Set(deferred.Count == 0 ? 0 : (now - deferred.Min(j => j.CreatedUtc)).TotalSeconds);
            shunted.Set(all.Count(j => j.Shunted));
        });
    }
}
