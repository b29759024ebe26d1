using System.CommandLine;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>api-token</c> commands: <c>create</c>, <c>list</c> and <c>revoke</c> of REST API tokens.</summary>
internal static class ApiTokenCommands
{
    /// <summary>Creates the <c>api-token</c> command and its subcommands.</summary>
    public static Command Build(AdminRunner admin) => new("api-token", "Creates, lists and revokes tokens of the REST API (/api/v1).")
    {
        Create(admin), List(admin), Revoke(admin),
    };

    static ApiTokens Tokens(IServiceProvider services) => ActivatorUtilities.CreateInstance<ApiTokens>(services);

    static Command Create(AdminRunner admin)
    {
        var name = new Option<string>("--name") { Description = "A name for people, e.g. the system that will use it.", HelpName = "NAME" };
        var list = new Option<string>("--list") { Description = "Allow only this list (posting address); without it the token may act on every list.", HelpName = "LIST" };
        var command = new Command("create", "Makes a token and prints it once (only its hash is kept): use it as 'Authorization: Bearer TOKEN'.") { name, list };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var scope = parse.GetValue(list) is { } l ? AdminRunner.Lists(services).GetList(l).Address : "";
            var (token, bearer) = Tokens(services).Create(parse.GetValue(name) ?? "", scope);
            output.WriteLine(bearer);
            output.WriteLine($"# id {token.Id}, {(scope.Length == 0 ? "every list" : "list " + scope)}; this is the only time the token is shown");
            return 0;
        }, ct));
        return command;
    }

    static Command List(AdminRunner admin)
    {
        var command = new Command("list", "Prints the tokens as ID<TAB>LIST (* for every list)<TAB>CREATED<TAB>NAME; never the secrets.");
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            foreach (var token in Tokens(services).All())
                output.WriteLine(string.Join('\t', token.Id, token.List.Length == 0 ? "*" : token.List, Words.Time(token.CreatedUtc), Words.OrDash(token.Name)));
            return 0;
        }, ct));
        return command;
    }

    static Command Revoke(AdminRunner admin)
    {
        var id = new Argument<string>("ID") { Description = "The token's id, as 'api-token list' prints it." };
        var command = new Command("revoke", "Deletes a token; requests with it are refused from then on.") { id };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var which = parse.GetValue(id)!;
            if (!Tokens(services).Revoke(which)) throw new AdministrationException($"no API token {which.Trim()}");
            output.WriteLine("revoked " + which.Trim());
            return 0;
        }, ct));
        return command;
    }
}
