using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Daemon.Hosting;
using Integreat.Lists.Daemon.Runners;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary><c>lists set --footer FILE|none</c> and the content options, with and without the daemon running.</summary>
public sealed class FooterCommandTests : IDisposable
{
    const string Bayern = "bayern@lists.example.org";
    readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task A_created_list_has_no_footer_until_one_is_set_and_none_removes_it()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);
        Assert.Contains("footer: none", (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
        var file = _sandbox.WriteFile("footer.liquid", "--\nAbmelden: {{ list.leave_address }}\nArchiv: {{ archive_url }}\n");

        (await _sandbox.RunAsync("lists", "set", Bayern, "--footer", file)).AssertSuccess();
        Assert.Contains("footer: set", (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
        (await _sandbox.RunAsync("lists", "set", Bayern, "--footer", "none")).AssertSuccess();
        Assert.Contains("footer: none", (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
    }

    [Fact]
    public async Task A_footer_that_is_no_liquid_or_no_file_changes_nothing()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);
        var broken = _sandbox.WriteFile("broken.liquid", "Abmelden: {{ list.leave_address \n");

        Assert.StartsWith("error: the footer is no valid Liquid template", (await _sandbox.RunAsync("lists", "set", Bayern, "--footer", broken)).AssertBadInput());
        Assert.StartsWith("error: cannot read the footer file", (await _sandbox.RunAsync("lists", "set", Bayern, "--footer",
            Path.Combine(_sandbox.Root, "missing.liquid"))).AssertBadInput());
        Assert.Contains("footer: none", (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
    }

    [Fact]
    public async Task Content_options_change_the_filter_and_show_prints_it()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        (await _sandbox.RunAsync("lists", "set", Bayern, "--mime-filter", "hold", "--convert-html", "off", "--block-extension", "iso",
            "--unblock-extension", "js", "--allow-type", "application/pdf", "--allow-type", "image/*")).AssertSuccess();

        var lines = (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines;
        Assert.Contains("mime-filter: hold", lines);
        Assert.Contains("convert-html: off", lines);
        Assert.Contains("allowed-types: application/pdf image/*", lines);
        var extensions = Assert.Single(lines, l => l.StartsWith("blocked-extensions: ", StringComparison.Ordinal));
        Assert.Contains(" iso", extensions);
        Assert.DoesNotContain(" js ", extensions + " ");
        Assert.StartsWith("error: 'pdf' is not a content type", (await _sandbox.RunAsync("lists", "set", Bayern, "--block-type", "pdf")).AssertBadInput());
    }

    [Fact]
    public async Task Footer_is_set_through_the_running_daemon()
    {
        using var host = DaemonHost.Build(_sandbox.Settings);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<SmtpIntakeService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
            await _sandbox.RunAsync("lists", "create", Bayern);
            var file = _sandbox.WriteFile("footer.liquid", "Archiv: {{ archive_url }}\n");

            (await _sandbox.RunAsync("lists", "set", Bayern, "--footer", file)).AssertSuccess();

            Assert.Equal("Archiv: {{ archive_url }}\n", host.Services.GetRequiredService<IListRepository>().Find(Bayern)!.Footer);
            (await _sandbox.RunAsync("lists", "set", Bayern, "--footer", "none")).AssertSuccess();
            Assert.Equal("", host.Services.GetRequiredService<IListRepository>().Find(Bayern)!.Footer);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _sandbox.Dispose();
}
