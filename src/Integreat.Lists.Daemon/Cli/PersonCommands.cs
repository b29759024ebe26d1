using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Integreat.Lists.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>person</c> commands for data-protection requests: <c>export</c>, <c>forget</c> and <c>allow</c>.</summary>
internal static class PersonCommands
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Creates the <c>person</c> command and its subcommands.</summary>
    public static Command Build(AdminRunner admin) => new("person", "Answers data-protection requests (DSGVO Art. 15 and 17) for one address.")
    {
        Export(admin), Forget(admin), Allow(admin),
    };

    static Command Export(AdminRunner admin)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The person's e-mail address." };
        var command = new Command("export", "Prints everything kept about the address as JSON: memberships, bounce records, audit entries, open requests, held and archived posts.") { address };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            output.WriteLine(JsonSerializer.Serialize(Service(services).Export(parse.GetValue(address)!), Json));
            return 0;
        }, ct));
        return command;
    }

    static Command Forget(AdminRunner admin)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The person's e-mail address." };
        var command = new Command("forget", "Removes the address from every list, deletes its records, pseudonymises the audit log and its archived posts and keeps only a hash against re-adding.") { address };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var report = Service(services).Forget(parse.GetValue(address)!);
            output.WriteLine($"forgotten as {report.Pseudonym}: removed from {report.Lists.Count} list(s){(report.Lists.Count > 0 ? " (" + string.Join(", ", report.Lists) + ")" : "")}, " +
                $"{report.BounceRecords} bounce record(s), {report.PendingRequests} open request(s) and {report.HeldPosts} held post(s) deleted, {report.AuditEntries} audit entr(ies) changed, " +
                $"{report.ArchivedPosts} archived post(s) {(Service(services).ForgetsArchiveByDeleting ? "deleted" : "pseudonymised")}");
            return 0;
        }, ct));
        return command;
    }

    static Command Allow(AdminRunner admin)
    {
        var address = new Argument<string>("ADDRESS") { Description = "A forgotten address whose owner asks to be added again." };
        var command = new Command("allow", "Drops the suppression of a forgotten address, so it can be added again.") { address };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, error) =>
        {
            if (Service(services).Allow(parse.GetValue(address)!))
            {
                output.WriteLine($"{parse.GetValue(address)} may be added again");
                return 0;
            }
            error.WriteLine($"error: {parse.GetValue(address)} was not forgotten");
            return Cli.BadInput;
        }, ct));
        return command;
    }

    static PersonDataService Service(IServiceProvider services) => ActivatorUtilities.CreateInstance<PersonDataService>(services);
}
