using System.CommandLine;
using System.Globalization;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>bounces list LIST</c> and <c>bounces reset ADDRESS [--list LIST]</c> commands.</summary>
internal static class BounceScores
{
    /// <summary>Creates <c>bounces list</c>: MEMBER, SCORE, LAST BOUNCE and STATUS of each roster entry.</summary>
    public static Command List(AdminRunner admin)
    {
        var list = new Argument<string>("LIST") { Description = "The list's posting address." };
        var command = new Command("list", "Prints each member's bounce state as MEMBER<TAB>SCORE<TAB>LAST-BOUNCE<TAB>STATUS " +
            "(status enabled, probing, by-bounces or by-complaint; with warnings sent as 'by-bounces, 2 warnings').") { list };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            foreach (var member in AdminRunner.Lists(services).Roster(parse.GetValue(list)!))
                output.WriteLine(string.Join('\t', member.Address, member.BounceScore.ToString("0.0#", CultureInfo.InvariantCulture),
                    member.LastBounceUtc is { } last ? Words.Time(last) : "-", Status(member)));
            return 0;
        }, ct));
        return command;
    }

    /// <summary>Creates <c>bounces reset</c>: enables delivery and clears the score of an address on every list it is
    /// on, or on the one list given.</summary>
    public static Command Reset(AdminRunner admin)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The member's address." };
        var list = new Option<string?>("--list") { Description = "Only on this list (posting address)." };
        var command = new Command("reset", "Enables delivery again and clears the bounce score, probe and warnings of ADDRESS; " +
            "prints LIST<TAB>ADDRESS for each list it was reset on.") { address, list };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var who = parse.GetValue(address)!;
            var lists = AdminRunner.Lists(services);
            var targets = parse.GetValue(list) is { } one ? [lists.GetList(one)] : lists.AllLists();
            var roster = services.GetRequiredService<IRosterRepository>();
            var reset = 0;
            foreach (var target in targets)
            {
                if (roster.Find(target.Address, who) is not { } member) continue;
                Reset(services, target, member);
                output.WriteLine(target.Address + "\t" + member.Address);
                reset++;
            }
            return reset > 0 ? 0 : throw new AdministrationException($"{EmailAddress.Normalise(who)} is not on " +
                (parse.GetValue(list) is { } l ? l : "any list"));
        }, ct));
        return command;
    }

    /// <summary>Inside the daemon through the bounce runner's own <see cref="BounceActions"/>, so a reset cannot interleave
    /// with a bounce being scored; without the daemon, on the store directly, with the same audit entry.</summary>
    static void Reset(IServiceProvider services, MailingList list, Member member)
    {
        var command = "bounces reset " + member.Address;
        if (services.GetService<BounceActions>() is { } actions)
        {
            actions.Reset(list, member, "cli", "cli", command);
            return;
        }
        var wasDisabled = member.Delivery != DeliveryStatus.Enabled;
        BounceScoring.Reset(member);
        services.GetRequiredService<IRosterRepository>().Update(member);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        services.GetRequiredService<IAuditLog>().Add(AuditEntry.Create(list.Address, now, "cli", "cli", command,
            wasDisabled ? "delivery enabled" : "bounce score reset"));
    }

    static string Status(Member member) => member.Delivery switch
    {
        DeliveryStatus.ByBounces => member.WarningsSent > 0 ? $"by-bounces, {member.WarningsSent} warnings" : "by-bounces",
        DeliveryStatus.ByComplaint => "by-complaint",
        _ => member.ProbeSentUtc is null ? "enabled" : "probing",
    };
}
