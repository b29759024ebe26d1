using System.CommandLine;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Delivering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>members</c> commands: <c>add</c>, <c>remove</c>, <c>list</c>, <c>import</c>, <c>pending</c> and
/// <c>approve</c>.</summary>
internal static class MembersCommands
{
    /// <summary>Creates the <c>members</c> command and its subcommands.</summary>
    public static Command Build(AdminRunner admin) => new("members", "Adds, removes, lists and imports a list's members.")
    {
        Add(admin), Remove(admin), List(admin), Import(admin), Pending(admin), Approve(admin),
    };

    static Argument<string> ListArgument() => new("LIST") { Description = "The list's posting address." };

    static Option<bool> ForceOption() => new("--force")
    {
        Description = "Add also addresses forgotten on request (person forget), when the person asked to be added again.",
    };

    static Command Add(AdminRunner admin)
    {
        var list = ListArgument();
        var addresses = new Argument<string[]>("ADDRESS") { Description = "The addresses to add.", Arity = ArgumentArity.OneOrMore };
        var name = new Option<string>("--name") { Description = "The display name of the new entries.", HelpName = "NAME" };
        var role = new Option<string>("--role") { Description = "member, owner or moderator.", DefaultValueFactory = _ => "member" };
        role.AcceptOnlyFromAmong(Words.Of<MemberRole>());
        var force = ForceOption();
        var command = new Command("add", "Adds addresses; if any is invalid (or forgotten on request, without --force), adds none.") { list, addresses, name, role, force };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var additions = AdminRunner.Lists(services).AddMembers(parse.GetValue(list)!, parse.GetValue(addresses)!,
                parse.GetValue(name), Words.Parse<MemberRole>(parse.GetValue(role)) ?? MemberRole.Member, parse.GetValue(force));
            foreach (var a in additions) output.WriteLine(a.Added ? "added " + a.Address : "already a member: " + a.Address);
            return 0;
        }, ct));
        return command;
    }

    static Command Remove(AdminRunner admin)
    {
        var list = ListArgument();
        var address = new Argument<string>("ADDRESS") { Description = "The address to remove." };
        var command = new Command("remove", "Removes one address from the roster.") { list, address };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var removed = AdminRunner.Lists(services).RemoveMember(parse.GetValue(list)!, parse.GetValue(address)!);
            output.WriteLine("removed " + removed);
            return 0;
        }, ct));
        return command;
    }

    static Command List(AdminRunner admin)
    {
        var list = ListArgument();
        var command = new Command("list", "Prints the roster, one address per line; after a tab, \"owner\" or \"moderator\" for those " +
                                          "roles and \"moderated\" for a moderated member.") { list };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            foreach (var member in AdminRunner.Lists(services).Roster(parse.GetValue(list)!))
            {
                var line = new List<string> { member.Address };
                if (member.Role != MemberRole.Member) line.Add(member.Role.ToString().ToLowerInvariant());
                if (member.Moderated) line.Add("moderated");
                output.WriteLine(string.Join('\t', line));
            }
            return 0;
        }, ct));
        return command;
    }

    static Command Import(AdminRunner admin)
    {
        var list = ListArgument();
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV file with columns address,name (header row optional)." };
        var force = ForceOption();
        var command = new Command("import", "Adds every address of a CSV file as a member, all or nothing; addresses forgotten on request are skipped (listed) unless --force.") { list, file, force };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, error) =>
        {
            var lists = AdminRunner.Lists(services);
            var target = lists.GetList(parse.GetValue(list)!).Address;
            var report = lists.Import(target, RosterCsv.Read(parse.GetValue(file)!.FullName), parse.GetValue(force));
            return Print(report, output, error);
        }, ct));
        return command;
    }

    static Command Pending(AdminRunner admin)
    {
        var list = ListArgument();
        var command = new Command("pending", "Prints the confirmed subscriptions waiting for approval, one address per line.") { list };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var target = AdminRunner.Lists(services).GetList(parse.GetValue(list)!);
            foreach (var request in services.GetRequiredService<IPendingRequestStore>().Approvals(target.Address))
                output.WriteLine(request.Address + "\t" + Words.Time(request.CreatedUtc));
            return 0;
        }, ct));
        return command;
    }

    static Command Approve(AdminRunner admin)
    {
        var list = ListArgument();
        var address = new Argument<string>("ADDRESS") { Description = "The address whose subscription to approve." };
        var command = new Command("approve", "Approves a confirmed subscription to a moderated list.") { list, address };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var target = AdminRunner.Lists(services).GetList(parse.GetValue(list)!);
            var normalised = EmailAddress.Normalise(parse.GetValue(address)!);
            var mails = new List<OutgoingMail>();
            if (!services.GetRequiredService<MembershipWorkflow>().Approve(target, normalised, mails: mails))
                throw new AdministrationException($"no subscription of {normalised} waits for approval on {target.Address}");
            // Without a running daemon the welcome waits in the delivery queue until it starts.
            var handoff = ActivatorUtilities.CreateInstance<DeliveryHandoff>(services, NullLogger<DeliveryHandoff>.Instance);
            var batch = "cli-" + Guid.NewGuid().ToString("N");
            for (var i = 0; i < mails.Count; i++)
                handoff.Hand($"{batch}-{i:D2}", target, mails[i].MessageId, target.Addresses.Bounces, mails[i].Recipients, mails[i].Bytes);
            output.WriteLine("approved " + normalised);
            return 0;
        }, ct));
        return command;
    }

    static int Print(ImportReport report, TextWriter output, TextWriter error)
    {
        foreach (var line in report.Lines)
        {
            output.WriteLine(line.Outcome switch
            {
                ImportOutcome.Added => $"line {line.Line}: added {line.Text}",
                ImportOutcome.AlreadyPresent => $"line {line.Line}: already present {line.Text}",
                ImportOutcome.Forgotten => $"line {line.Line}: forgotten on request, skipped {line.Text}",
                // A quoted field may hold line breaks; the report keeps one line per row.
                _ => $"line {line.Line}: invalid '{line.Text.ReplaceLineEndings(" ")}'",
            });
        }
        if (!report.Imported)
        {
            error.WriteLine("error: nothing imported: invalid line(s) " + string.Join(", ", report.Lines.Select(l => l.Line)));
            return Cli.BadInput;
        }
        output.WriteLine($"added {report.Added}, already present {report.AlreadyPresent}" +
            (report.Forgotten > 0 ? $", forgotten on request (skipped) {report.Forgotten}" : ""));
        return 0;
    }
}
