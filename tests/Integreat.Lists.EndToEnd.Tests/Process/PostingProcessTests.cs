using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>Mail through the real executable: the CLI and swaks as separate processes against a running daemon
/// in pickup mode.</summary>
public sealed class PostingProcessTests(ITestOutputHelper output)
{
    const string Bayern = "bayern@lists.integreat.example";
    static readonly TimeSpan LogWait = TimeSpan.FromSeconds(10);
    static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_member_post_sent_with_swaks_reaches_every_member()
    {
        using var sandbox = new ProcessSandbox();
        await using var daemon = await sandbox.StartDaemonAsync(output);
        using var pickup = new PickupWatcher(sandbox.PickupDirectory);

        var add = await sandbox.CliAsync("members", "add", Bayern, "a@example.org", "b@example.net");

        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal(["added a@example.org", "added b@example.net"], add.StdoutLines);
        // The running daemon ran it (over its control socket); the CLI did not open the store beside it.
        await daemon.WaitForLogAsync(l => l.Contains($"control command members add {Bayern} a@example.org b@example.net exited 0"),
            LogWait, "the forwarded 'members add'");

        var swaks = await Swaks.SendAsync(sandbox, daemon, "a@example.org", Bayern, "--header", "Subject: Grüße aus München", "--body", "Hallo");

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        Assert.Contains("250 2.0.0 queued as", swaks.Stdout);
        var files = await pickup.WaitForAsync(f => f.Count >= 2, DeliveryWait, "one message per member", daemon.Describe);
        Assert.True(files.Count == 2, string.Join("\n", files));
        var byRecipient = files.ToDictionary(f => Assert.Single(f.EnvelopeTo));
        Assert.Equal(["a@example.org", "b@example.net"], byRecipient.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("bayern-bounces+a=example.org@lists.integreat.example", byRecipient["a@example.org"].ReturnPath);
        Assert.Equal("bayern-bounces+b=example.net@lists.integreat.example", byRecipient["b@example.net"].ReturnPath);
        foreach (var file in files)
        {
            var message = file.Load();
            Assert.Equal("[Bayern] Grüße aus München", message.Subject);
            Assert.Contains("<bayern.lists.integreat.example>", message.Headers["List-Id"]);
            // A state list has the shipped footer, appended to the one text part.
            Assert.StartsWith("Hallo", message.TextBody);
            Assert.Contains("Abmelden: eine leere Nachricht an bayern-leave@lists.integreat.example", message.TextBody);
            Assert.Equal("a@example.org", message.From.Mailboxes.Single().Address);
        }
    }

    [Fact]
    public async Task A_nonmember_post_to_a_state_list_is_held_and_its_poster_told_once()
    {
        using var sandbox = new ProcessSandbox();
        await using var daemon = await sandbox.StartDaemonAsync(output);
        using var pickup = new PickupWatcher(sandbox.PickupDirectory);
        var add = await sandbox.CliAsync("members", "add", Bayern, "a@example.org");
        Assert.True(add.ExitCode == 0, add.ToString());

        var swaks = await Swaks.SendAsync(sandbox, daemon, "stranger@example.com", Bayern, "--header", "Subject: Hallo Liste", "--body", "Hallo");

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        Assert.Contains("250 2.0.0 queued as", swaks.Stdout);
        // The shipped state lists hold nonmember posts for a moderator (this list has none yet, so only the poster hears).
        var files = await pickup.WaitForAsync(f => f.Count >= 1, DeliveryWait, "the hold notice", daemon.Describe);
        var notice = Assert.Single(files);
        Assert.Equal(["stranger@example.com"], notice.EnvelopeTo);
        Assert.Equal("bayern-bounces@lists.integreat.example", notice.ReturnPath);
        var message = notice.Load();
        Assert.Equal("stranger@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Contains("Hallo Liste", message.TextBody);
        Assert.Contains("wartet auf Freigabe", message.Subject);

        await daemon.WaitForLogAsync(l => l.Contains($"list={Bayern} hold by rule nonmember-moderation"), LogWait, "the hold decision");
        var queue = await sandbox.CliAsync("queue", "list");
        Assert.True(queue.ExitCode == 0, queue.ToString());
        Assert.DoesNotContain(queue.StdoutLines, l => l.StartsWith("job ", StringComparison.Ordinal) && !l.Split(' ')[1].Contains("-held"));
        var held = await sandbox.CliAsync("held", "list", Bayern);
        Assert.True(held.ExitCode == 0, held.ToString());
        Assert.Contains("stranger@example.com", Assert.Single(held.StdoutLines));
        Assert.DoesNotContain(pickup.Files, f => f.EnvelopeTo.Contains("a@example.org"));
    }

    [Fact]
    public async Task Swaks_to_an_unknown_list_gets_550_5_1_1_and_to_a_foreign_domain_550_5_7_1()
    {
        using var sandbox = new ProcessSandbox();
        await using var daemon = await sandbox.StartDaemonAsync(output);

        var unknown = await Swaks.SendAsync(sandbox, daemon, "a@example.org", "nosuchlist@lists.integreat.example");
        var foreign = await Swaks.SendAsync(sandbox, daemon, "a@example.org", "someone@example.com");

        Assert.True(unknown.ExitCode != 0, unknown.ToString());
        Assert.Contains("550 5.1.1", unknown.Stdout + unknown.Stderr);
        Assert.DoesNotContain("queued as", unknown.Stdout);
        Assert.True(foreign.ExitCode != 0, foreign.ToString());
        Assert.Contains("550 5.7.1", foreign.Stdout + foreign.Stderr);
        Assert.DoesNotContain("queued as", foreign.Stdout);
    }
}
