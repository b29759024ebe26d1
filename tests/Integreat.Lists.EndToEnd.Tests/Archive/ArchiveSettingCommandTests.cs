using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Daemon.Hosting;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.EndToEnd.Tests.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.EndToEnd.Tests.Archive;

/// <summary><c>lists set --archive</c> and <c>--archive-retention-years</c> through the control socket of a running
/// daemon, which sees the change at once.</summary>
public sealed class ArchiveSettingCommandTests : IDisposable
{
    const string Bayern = "bayern@lists.example.org";
    readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Set_archive_changes_the_running_daemons_list_and_show_prints_it()
    {
        using var host = DaemonHost.Build(_sandbox.Settings);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<SmtpIntakeService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
            (await _sandbox.RunAsync("lists", "create", Bayern)).AssertSuccess();
            var lists = host.Services.GetRequiredService<IListRepository>();
            Assert.Equal(ArchivePolicy.Members, lists.Find(Bayern)!.Archive);

            (await _sandbox.RunAsync("lists", "set", Bayern, "--archive", "public", "--archive-retention-years", "5")).AssertSuccess();
            Assert.Equal((ArchivePolicy.Public, 5), (lists.Find(Bayern)!.Archive, lists.Find(Bayern)!.ArchiveRetentionYears));
            (await _sandbox.RunAsync("lists", "set", Bayern, "--archive", "off")).AssertSuccess();
            var shown = (await _sandbox.RunAsync("lists", "show", Bayern)).AssertSuccess().OutLines;

            Assert.Contains("archive: off", shown);
            Assert.Contains("archive-retention-years: 5", shown);
            Assert.Contains("hidden", (await _sandbox.RunAsync("lists", "set", Bayern, "--archive", "hidden")).AssertBadInput());
            Assert.Contains("retention", (await _sandbox.RunAsync("lists", "set", Bayern, "--archive-retention-years", "-1")).AssertBadInput());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _sandbox.Dispose();
}
