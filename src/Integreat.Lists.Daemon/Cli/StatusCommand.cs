using System.CommandLine;
using System.Reflection;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Daemon.Hosting;
using Integreat.Lists.Daemon.Runners;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary><c>integreat-lists status</c>: version, whether the daemon runs, queue sizes, the oldest deferred job
/// and the last delivery, as <c>key: value</c> lines.</summary>
internal static class StatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Build(AdminRunner admin)
    {
        var command = new Command("status", "Prints the version, the queue sizes, the oldest deferred delivery and the last delivery.");
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            Print(services, output);
            return 0;
        }, ct));
        return command;
    }

    /// <summary>The informational version of the executable (with the commit when the build stamped it).</summary>
    public static string Version => typeof(StatusCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(StatusCommand).Assembly.GetName().Version?.ToString() ?? "unknown";

    static void Print(IServiceProvider services, TextWriter output)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var status = QueueStatus.Read(services.GetRequiredService<ISpool>(), services.GetRequiredService<IDeliveryQueue>(), now);
        // Only the daemon has an SMTP listener; a CLI that opened the store itself reports the daemon as stopped.
        var running = services.GetService<SmtpIntakeService>() is not null;
        output.WriteLine("version: " + Version);
        output.WriteLine("daemon: " + (running ? "running" : "not running"));
        foreach (var (queue, count) in status.Spool) output.WriteLine($"spool {queue}: {count}");
        output.WriteLine("delivery due: " + status.DueJobs);
        output.WriteLine($"delivery deferred: {status.DeferredJobs} jobs, {status.DeferredRecipients} recipients");
        output.WriteLine("oldest deferred: " + (status.OldestDeferredUtc is { } oldest ? $"{Words.Time(oldest)} ({Age(now - oldest)} ago)" : "-"));
        output.WriteLine("delivery shunted: " + status.ShuntedJobs);
        var last = running ? services.GetRequiredService<ActivityMetrics>().LastSentUtc : null;
        output.WriteLine("last delivery: " + (last is { } sent ? Words.Time(sent) : "-"));
    }

    static string Age(TimeSpan age) => age.TotalDays >= 1 ? $"{(int)age.TotalDays}d {age.Hours}h"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h {age.Minutes}m" : $"{(int)age.TotalMinutes}m {age.Seconds}s";
}
