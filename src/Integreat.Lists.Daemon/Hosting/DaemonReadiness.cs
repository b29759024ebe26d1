using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.Smtp;
using Integreat.Lists.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary>The daemon's answer to <c>/readyz</c>: the store answers a query, SMTP listens and does not drain, every
/// runner still runs, and no due work waits longer than <see cref="WebOptions.QueueStuckAfter"/>.</summary>
public sealed class DaemonReadiness(IServiceProvider services, IOptions<WebOptions> web, TimeProvider time) : IReadinessCheck
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        CheckStore(problems);
        CheckSmtp(problems);
        foreach (var runner in services.GetServices<IHostedService>().OfType<BackgroundService>().Distinct())
        {
            if (runner.ExecuteTask is null or { IsCompleted: true })
                problems.Add($"runner {runner.GetType().Name} is not running.");
        }
        return problems;
    }

    void CheckStore(List<string> problems)
    {
        try
        {
            _ = services.GetRequiredService<IListRepository>().All();
            CheckQueues(problems);
        }
        catch (Exception ex)
        {
            problems.Add("store: " + ex.GetType().Name + ": " + ex.Message.ReplaceLineEndings(" "));
        }
    }

    void CheckSmtp(List<string> problems)
    {
        var intake = services.GetRequiredService<SmtpIntakeService>();
        if (!intake.Listening.IsCompletedSuccessfully) problems.Add("SMTP is not listening.");
        if (services.GetRequiredService<IntakeState>().Draining) problems.Add("SMTP drains for shutdown.");
    }

    /// <summary>Work that is due but untouched for too long means a runner hangs even though it has not ended.</summary>
    void CheckQueues(List<string> problems)
    {
        var limit = time.GetUtcNow().UtcDateTime - web.Value.QueueStuckAfter;
        var overdue = services.GetRequiredService<IDeliveryQueue>().All().Count(j => !j.Shunted && j.NextAttemptUtc < limit);
        if (overdue > 0) problems.Add($"{overdue} delivery job(s) are overdue by more than {web.Value.QueueStuckAfter}.");
        var spool = services.GetRequiredService<ISpool>();
        var oldest = spool.List(QueueName.In).FirstOrDefault();
        if (oldest is not null && spool.Read(QueueName.In, oldest).Data.ReceivedUtc < limit)
            problems.Add($"the in queue has entries older than {web.Value.QueueStuckAfter}.");
    }
}
