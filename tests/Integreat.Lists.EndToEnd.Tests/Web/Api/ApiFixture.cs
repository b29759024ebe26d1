using System.Net.Http.Headers;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using CliEntry = Integreat.Lists.Daemon.Cli.Cli;

namespace Integreat.Lists.EndToEnd.Tests.Web.Api;

/// <summary>A running daemon with the Bayern and Hessen lists, tokens made by the CLI command inside it, and HTTP
/// clients for the real Kestrel port.</summary>
public sealed class ApiFixture : IAsyncDisposable
{
    public const string Hessen = "hessen@lists.integreat.example";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    ApiFixture(FakeSmarthost smarthost, TestDaemon daemon, Uri web)
    {
        Smarthost = smarthost;
        Daemon = daemon;
        Web = web;
    }

    public FakeSmarthost Smarthost { get; }
    public TestDaemon Daemon { get; }
    public Uri Web { get; }

    public static async Task<ApiFixture> StartAsync()
    {
        var smarthost = await FakeSmarthost.StartAsync();
        var daemon = await TestDaemon.StartAsync(smarthost.HostPort);
        new ListAdministration(daemon.Get<IListRepository>(), daemon.Get<IRosterRepository>(), TimeProvider.System).CreateList(Hessen, "Integreat Hessen");
        daemon.AddMembers(["erika@example.org", "max@example.net"]);
        return new ApiFixture(smarthost, daemon, await daemon.WebUrlAsync());
    }

    /// <summary>Runs <c>api-token create</c> in the daemon and returns the printed bearer string.</summary>
    public async Task<string> CreateTokenAsync(string? list = null, string name = "test")
    {
        var (code, lines, error) = await RunAsync(list is null ? ["api-token", "create", "--name", name] : ["api-token", "create", "--name", name, "--list", list]);
        Assert.True(code == 0, error);
        return lines[0];
    }

    public async Task<(int Code, string[] Lines, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliEntry.RunInDaemonAsync(args, Daemon.Services, output, error, CancellationToken.None);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    /// <summary>A client for the web port, with <paramref name="bearer"/> as its token when given.</summary>
    public HttpClient Client(string? bearer = null)
    {
        var http = new HttpClient { BaseAddress = Web, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return http;
    }

    /// <summary>Makes the Bayern list hold nonmember posts.</summary>
    public void HoldNonmembers()
    {
        var lists = Daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.NonmemberAction = NonmemberAction.Hold;
        lists.Update(list);
    }

    public async ValueTask DisposeAsync()
    {
        await Daemon.DisposeAsync();
        await Smarthost.DisposeAsync();
    }
}
