using Integreat.Lists.Testing;
using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>SIGTERM to the real executable in the middle of a fan-out: it exits 0 within its shutdown time, and
/// after the next start every member has the post (at most one transaction in flight per connection repeated).</summary>
public sealed class SigtermProcessTests(ITestOutputHelper output)
{
    const string Bayern = "bayern@lists.integreat.example";
    const int Members = 300;
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_mid_fan_out_loses_no_recipient()
    {
        using var sandbox = new ProcessSandbox();
        await using var smarthost = await FakeSmarthost.StartAsync();
        // Slow replies keep the fan-out running when SIGTERM arrives.
        smarthost.DataDelay = TimeSpan.FromMilliseconds(5);
        var settings = sandbox.Config("127.0.0.1:0");
        settings["Delivery"]!["SmartHost"] = smarthost.HostPort;
        settings["Smtp"]!["DrainTimeout"] = "00:00:02";
        var config = sandbox.WriteConfig("sigterm.json", settings);
        var members = Enumerable.Range(0, Members).Select(i => $"m{i:D3}@kommune{i % 5}.de").ToList();

        await using (var first = await DaemonProcess.StartAsync(sandbox.Root, config, output))
        {
            var add = await ProcessRunner.IntegreatListsAsync(sandbox.Root, ["members", "add", Bayern, .. members, "--config", config]);
            Assert.True(add.ExitCode == 0, add.ToString());
            var post = await Swaks.SendAsync(sandbox, first, "m000@kommune0.de", Bayern, "--header", "Subject: Abschied", "--body", "Hallo");
            Assert.True(post.ExitCode == 0, post.ToString());
            await smarthost.WaitForRecipientsAsync(30, Wait);
            // The operator can tell from the log where mail goes.
            Assert.Contains(first.Lines, l => l.Contains($"delivery: smarthost via {smarthost.HostPort}, ", StringComparison.Ordinal));

            var code = await first.StopAsync();

            Assert.True(code == 0, $"SIGTERM should end the daemon cleanly.\n{first.Describe()}");
        }
        var beforeRestart = smarthost.DeliveredTo.Distinct().Count();
        Assert.InRange(beforeRestart, 30, Members - 1);

        await using var second = await DaemonProcess.StartAsync(sandbox.Root, config, output);
        await smarthost.WaitForAsync(h => h.DeliveredTo.Distinct().Count() == Members, Wait);

        Assert.Equal(members.Order(StringComparer.Ordinal), smarthost.DeliveredTo.Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(smarthost.DeliveredTo.Count - Members, 0, ProcessSandbox.ShippedDeliveryConnections);
    }
}
