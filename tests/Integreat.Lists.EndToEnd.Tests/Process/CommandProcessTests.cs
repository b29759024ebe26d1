using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>The whole join, confirm and leave flow as a new user would try it: swaks against the real executable
/// in pickup mode, the list opened with the CLI over the control socket.</summary>
public sealed partial class CommandProcessTests(ITestOutputHelper output)
{
    const string Bayern = "bayern@lists.integreat.example";
    static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Join_confirm_and_leave_with_swaks()
    {
        using var sandbox = new ProcessSandbox();
        await using var daemon = await sandbox.StartDaemonAsync(output);
        using var pickup = new PickupWatcher(sandbox.PickupDirectory);
        var set = await sandbox.CliAsync("lists", "set", Bayern, "--subscription-policy", "open");
        Assert.True(set.ExitCode == 0, set.ToString());

        var token = await RequestAsync(sandbox, daemon, pickup, "bayern-join@lists.integreat.example", expected: 1);
        await ConfirmAsync(sandbox, daemon, pickup, token, expected: 3);

        Assert.Equal(["neu@example.org"], (await sandbox.CliAsync("members", "list", Bayern)).StdoutLines);

        var leave = await RequestAsync(sandbox, daemon, pickup, "bayern-leave@lists.integreat.example", expected: 4);
        await ConfirmAsync(sandbox, daemon, pickup, leave, expected: 6);

        Assert.Empty((await sandbox.CliAsync("members", "list", Bayern)).StdoutLines);
    }

    static async Task<string> RequestAsync(ProcessSandbox sandbox, DaemonProcess daemon, PickupWatcher pickup, string to, int expected)
    {
        var swaks = await Swaks.SendAsync(sandbox, daemon, "neu@example.org", to);
        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        var files = await pickup.WaitForAsync(f => f.Count >= expected, DeliveryWait, "the confirmation request", daemon.Describe);
        var confirmation = files.Select(f => f.Load()).Last(m => (m.Subject ?? "").Contains("confirm ", StringComparison.Ordinal));
        Assert.Equal("neu@example.org", confirmation.To.Mailboxes.Single().Address);
        return Token().Match(confirmation.ReplyTo.Mailboxes.Single().Address).Groups[1].Value;
    }

    static async Task ConfirmAsync(ProcessSandbox sandbox, DaemonProcess daemon, PickupWatcher pickup, string token, int expected)
    {
        var swaks = await Swaks.SendAsync(sandbox, daemon, "neu@example.org", $"bayern-confirm+{token}@lists.integreat.example",
            "--header", "Subject: Re: Bitte bestätigen", "--body", "Ja\n\n> Guten Tag");
        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        await pickup.WaitForAsync(f => f.Count >= expected, DeliveryWait, "the confirmation result", daemon.Describe);
    }

    [GeneratedRegex("^bayern-confirm\\+([0-9a-f]{40})@lists\\.integreat\\.example$")]
    private static partial Regex Token();
}
