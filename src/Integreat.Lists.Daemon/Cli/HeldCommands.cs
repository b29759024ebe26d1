using System.CommandLine;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>held</c> commands: <c>list</c>, <c>show</c>, <c>approve</c>, <c>reject</c> and <c>discard</c>
/// of posts held for moderation.</summary>
internal static class HeldCommands
{
    /// <summary>Creates the <c>held</c> command and its subcommands.</summary>
    public static Command Build(AdminRunner admin) => new("held", "Shows held posts and decides on them.")
    {
        List(admin), Show(admin), Approve(admin), Reject(admin), Discard(admin),
    };

    static Command List(AdminRunner admin)
    {
        var list = new Argument<string>("LIST") { Description = "The list's posting address." };
        var command = new Command("list", "Prints the held posts of a list as ID<TAB>HELD<TAB>SENDER<TAB>SUBJECT, oldest first.") { list };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var address = AdminRunner.Lists(services).GetList(parse.GetValue(list)!).Address;
            foreach (var post in services.GetRequiredService<IHeldPostStore>().List(address))
                output.WriteLine($"{post.Id}\t{Words.Time(post.HeldUtc)}\t{Words.OrDash(post.Sender)}\t{Words.OrDash(post.Subject)}");
            return 0;
        }, ct));
        return command;
    }

    static Command Show(AdminRunner admin)
    {
        var id = new Argument<string>("ID") { Description = "A held post's id, as 'held list' prints it." };
        var command = new Command("show", "Prints a held post's record as 'key: value' lines, then its header fields.") { id };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var post = Find(services, parse.GetValue(id)!);
            var spool = services.GetRequiredService<ISpool>();
            output.WriteLine("id: " + post.Id);
            output.WriteLine("list: " + post.List);
            output.WriteLine("sender: " + Words.OrDash(post.Sender));
            output.WriteLine("envelope-sender: " + Words.OrDash(post.EnvelopeSender));
            output.WriteLine("subject: " + Words.OrDash(post.Subject));
            output.WriteLine("message-id: " + Words.OrDash(post.MessageId));
            foreach (var reason in post.Reasons) output.WriteLine("reason: " + reason);
            output.WriteLine("held: " + Words.Time(post.HeldUtc));
            output.WriteLine("expires: " + Words.Time(post.ExpiresUtc));
            output.WriteLine("file: " + spool.PathOf(QueueName.Hold, post.Id));
            output.WriteLine();
            foreach (var header in Core.Messages.RawMessage.Parse(spool.Read(QueueName.Hold, post.Id).Raw).Headers)
                output.WriteLine($"{header.Field}: {header.Value.Trim()}");
            return 0;
        }, ct));
        return command;
    }

    static Command Approve(AdminRunner admin)
    {
        var id = new Argument<string>("ID") { Description = "A held post's id." };
        var accept = new Option<bool>("--accept-sender") { Description = "Also accept later posts from this sender without moderation." };
        var command = new Command("approve", "Distributes a held post to the members.") { id, accept };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
            Print(AdminRunner.Holds(services).Approve(Find(services, parse.GetValue(id)!).Id, parse.GetValue(accept), "cli", "cli"), output), ct));
        return command;
    }

    static Command Reject(AdminRunner admin)
    {
        var id = new Argument<string>("ID") { Description = "A held post's id." };
        var reason = new Option<string>("--reason") { Description = "The reason the poster is told.", HelpName = "TEXT" };
        var command = new Command("reject", "Refuses a held post; the poster gets a notice with the reason.") { id, reason };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
            Print(AdminRunner.Holds(services).Reject(Find(services, parse.GetValue(id)!).Id, parse.GetValue(reason) ?? "", "cli", "cli"), output), ct));
        return command;
    }

    static Command Discard(AdminRunner admin)
    {
        var id = new Argument<string>("ID") { Description = "A held post's id." };
        var reason = new Option<string>("--reason") { Description = "Noted in the audit log only.", HelpName = "TEXT" };
        var command = new Command("discard", "Deletes a held post without telling the poster.") { id, reason };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
            Print(AdminRunner.Holds(services).Discard(Find(services, parse.GetValue(id)!).Id, "cli", "cli", parse.GetValue(reason) ?? ""), output), ct));
        return command;
    }

    static HeldPost Find(IServiceProvider services, string id)
        => services.GetRequiredService<IHeldPostStore>().Find(id.Trim()) ?? throw new AdministrationException($"no held post {id}");

    static int Print(HoldOutcome outcome, TextWriter output)
    {
        if (!outcome.Done) throw new AdministrationException(outcome.English);
        output.WriteLine(outcome.English);
        return 0;
    }
}
