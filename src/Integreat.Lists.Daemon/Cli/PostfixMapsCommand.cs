using System.CommandLine;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary><c>integreat-lists postfix-maps</c>: the lookup tables a Postfix in front of the daemon needs, from
/// the lists in the store (see <c>deploy/postfix/</c>).</summary>
/// <remarks>Without options: the recipient map for <c>relay_recipient_maps</c>, one <c>ADDRESS OK</c> line for each
/// address of each list, so Postfix rejects unknown list addresses at RCPT instead of bouncing them later. The
/// tagged forms (<c>LIST-bounces+TAG@</c>, <c>LIST-confirm+TOKEN@</c>) match their base entry when Postfix has
/// <c>recipient_delimiter = +</c>. With <c>--transport NEXTHOP</c>: one <c>DOMAIN NEXTHOP</c> line per list
/// domain, for <c>transport_maps</c> and <c>relay_domains</c>.</remarks>
internal static class PostfixMapsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Build(AdminRunner admin)
    {
        var transport = new Option<string>("--transport")
        {
            Description = "Print the transport map instead: each list domain with this next hop, e.g. smtp:[127.0.0.1]:2525.",
            HelpName = "NEXTHOP",
        };
        var command = new Command("postfix-maps", "Prints Postfix's relay recipient map (or, with --transport, its transport map) for every list.")
        {
            transport,
        };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var lists = services.GetRequiredService<IListRepository>().All().Select(l => ListAddresses.For(l.Address)).ToList();
            var lines = parse.GetValue(transport) is { Length: > 0 } nexthop
                ? lists.Select(a => a.Domain).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Select(d => $"{d} {nexthop}")
                : lists.SelectMany(Recipients).Order(StringComparer.Ordinal).Select(a => $"{a} OK");
            foreach (var line in lines) output.WriteLine(line);
            return 0;
        }, ct));
        return command;
    }

    /// <summary>Every address at which the daemon takes mail for the list (as <see cref="ListRecipient"/> resolves them).</summary>
    static IEnumerable<string> Recipients(ListAddresses list)
        => [list.Posting, list.Request, list.Owner, list.Bounces, list.Join, list.Leave, $"{list.LocalPart}-confirm@{list.Domain}"];
}
