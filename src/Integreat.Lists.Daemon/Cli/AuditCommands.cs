using System.CommandLine;
using Integreat.Lists.Core.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>audit LIST</c> command: the roster changes of a list, oldest first.</summary>
internal static class AuditCommands
{
    /// <summary>Creates the <c>audit</c> command.</summary>
    public static Command Build(AdminRunner admin)
    {
        var list = new Argument<string>("LIST") { Description = "The list's posting address." };
        var command = new Command("audit", "Prints a list's roster changes as TIME<TAB>CHANNEL<TAB>ACTOR<TAB>COMMAND<TAB>RESULT.") { list };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var target = AdminRunner.Lists(services).GetList(parse.GetValue(list)!);
            foreach (var entry in services.GetRequiredService<IAuditLog>().ForList(target.Address))
                output.WriteLine(string.Join('\t', Words.Time(entry.TimeUtc), entry.Channel, entry.Actor, entry.Command, entry.Result));
            return 0;
        }, ct));
        return command;
    }
}
