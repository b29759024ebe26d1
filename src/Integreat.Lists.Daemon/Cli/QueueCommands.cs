using System.CommandLine;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Queues;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>queue</c> commands: <c>list</c>, <c>show</c>, <c>requeue</c> and <c>delete</c> of spool entries and delivery jobs.</summary>
internal static class QueueCommands
{
    /// <summary>Creates the <c>queue</c> command and its subcommands.</summary>
    public static Command Build(AdminRunner admin) => new("queue", "Shows what waits and puts shunted items back to work.")
    {
        List(admin), Show(admin), Requeue(admin), Flush(admin), Delete(admin),
    };

    static Command Flush(AdminRunner admin)
    {
        var command = new Command("flush", "Makes every deferred delivery job due now, e.g. after the smarthost was down (shunted jobs stay).");
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var count = AdminRunner.Queues(services).Flush();
            output.WriteLine(count == 1 ? "1 deferred delivery job is due now" : $"{count} deferred delivery jobs are due now");
            return 0;
        }, ct));
        return command;
    }

    static Command Delete(AdminRunner admin)
    {
        var id = new Argument<string>("ID") { Description = "A shunted spool entry id, or a shunted or deferred delivery job id." };
        var command = new Command("delete", "Removes a shunted entry, or a shunted or deferred delivery job (its recipients get nothing more).") { id };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var what = AdminRunner.Queues(services).Delete(parse.GetValue(id)!);
            output.WriteLine(what == QueueAdministration.Delivery ? $"deleted delivery job {parse.GetValue(id)}" : $"deleted {parse.GetValue(id)} from {what}");
            return 0;
        }, ct));
        return command;
    }

    static Command List(AdminRunner admin)
    {
        var command = new Command("list", "Prints the spool queue sizes, the shunted entries and every delivery job.");
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var overview = AdminRunner.Queues(services).Overview();
            foreach (var (queue, count) in overview.Counts) output.WriteLine($"spool {queue}: {count} {(count == 1 ? "entry" : "entries")}");
            foreach (var item in overview.Shunted)
                output.WriteLine($"shunted {item.Data.Id} from={item.Data.WhichQueue ?? QueueName.In} reason={Words.OrDash(item.Data.Reason)}");
            foreach (var job in overview.Jobs) output.WriteLine(JobLine(job));
            return 0;
        }, ct));
        return command;
    }

    static Command Show(AdminRunner admin)
    {
        var id = new Argument<string>("ID") { Description = "A spool entry id or a delivery job id, as 'queue list' prints it." };
        var command = new Command("show", "Prints one spool entry (with its file) or delivery job as 'key: value' lines.") { id };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var queues = AdminRunner.Queues(services);
            var wanted = parse.GetValue(id)!;
            if (queues.FindEntry(wanted) is { } entry) PrintEntry(entry, output);
            else if (queues.FindJob(wanted) is { } job) PrintJob(job, output);
            else throw new AdministrationException($"no queue entry {wanted}");
            return 0;
        }, ct));
        return command;
    }

    static Command Requeue(AdminRunner admin)
    {
        var id = new Argument<string>("ID") { Description = "A shunted spool entry id, or a shunted or deferred delivery job id." };
        var command = new Command("requeue", "Puts a shunted entry back into its queue, or makes a delivery job due now.") { id };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var target = AdminRunner.Queues(services).Requeue(parse.GetValue(id)!);
            output.WriteLine(target == QueueAdministration.Delivery ? $"requeued {parse.GetValue(id)} for delivery now" : $"requeued {parse.GetValue(id)} to {target}");
            return 0;
        }, ct));
        return command;
    }

    static string JobLine(DeliveryJob job)
        => $"job {job.Id} list={job.List} recipients={job.Recipients.Count} attempts={job.Attempts} " +
           $"next={Words.Time(job.NextAttemptUtc)} shunted={(job.Shunted ? "yes" : "no")} last-error={Words.OrDash(job.LastError)}";

    static void PrintEntry(SpoolItem entry, TextWriter output)
    {
        output.WriteLine("id: " + entry.Data.Id);
        output.WriteLine("queue: " + entry.Queue);
        output.WriteLine("which-queue: " + Words.OrDash(entry.Data.WhichQueue));
        output.WriteLine("reason: " + Words.OrDash(entry.Data.Reason));
        output.WriteLine("sender: " + Words.OrDash(entry.Data.Sender));
        output.WriteLine("recipients: " + Words.OrDash(string.Join(", ", entry.Data.Recipients)));
        output.WriteLine("received: " + Words.Time(entry.Data.ReceivedUtc));
        output.WriteLine("path: " + entry.Path);
    }

    static void PrintJob(DeliveryJob job, TextWriter output)
    {
        output.WriteLine("id: " + job.Id);
        output.WriteLine("post: " + job.PostId);
        output.WriteLine("list: " + job.List);
        output.WriteLine("message-id: " + Words.OrDash(job.MessageId));
        output.WriteLine("sender: " + Words.OrDash(job.Sender));
        output.WriteLine("recipients: " + job.Recipients.Count);
        output.WriteLine("attempts: " + job.Attempts);
        output.WriteLine("created: " + Words.Time(job.CreatedUtc));
        output.WriteLine("next-attempt: " + Words.Time(job.NextAttemptUtc));
        output.WriteLine("shunted: " + (job.Shunted ? "yes" : "no"));
        output.WriteLine("last-error: " + Words.OrDash(job.LastError));
    }
}
