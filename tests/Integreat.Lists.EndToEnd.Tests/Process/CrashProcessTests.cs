using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary><c>kill -9</c> in the middle of a delivery: the next daemon on the same directory finishes it, repeating
/// at most the transactions that were in flight, and the store opens cleanly.</summary>
public sealed class CrashProcessTests(ITestOutputHelper output)
{
    const string Bayern = "bayern@lists.integreat.example";
    const int Members = 200;
    static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_daemon_killed_mid_delivery_delivers_to_every_member_after_restart_repeating_at_most_the_transactions_in_flight()
    {
        using var sandbox = new ProcessSandbox();
        using var pickup = new PickupWatcher(sandbox.PickupDirectory);
        var members = Enumerable.Range(0, Members).Select(i => $"m{i:D3}@example.org").ToList();
        int deliveredAtKill;
        string firstLog;
        await using (var first = await sandbox.StartDaemonAsync(output))
        {
            var add = await sandbox.CliAsync(["members", "add", Bayern, .. members]);
            Assert.True(add.ExitCode == 0, add.ToString());
            Assert.Equal(Members, add.StdoutLines.Count(l => l.StartsWith("added ", StringComparison.Ordinal)));

            // Armed before the post: delivery can finish before swaks has even exited. The daemon is frozen on the
            // watcher's thread as the first message appears, then killed: a kill -9 at that moment, without the
            // milliseconds of a thread hop and a /proc walk in which the whole delivery could finish.
            var firstMessage = pickup.WaitForAsync(f => f.Count >= 1, DeliveryWait, "a first message", first.Describe, atOnce: first.Freeze);
            var post = Swaks.SendAsync(sandbox, first, "m000@example.org", Bayern, "--header", "Subject: Absturz", "--body", "Hallo");

            await firstMessage;
            await first.KillAsync();
            var swaks = await post;
            Assert.Contains("250 2.0.0 queued as", swaks.Stdout);
            // swaks may still have been waiting for the reply to QUIT when the daemon was frozen (exit code 6).
            Assert.True(swaks.ExitCode == 0 || swaks.Stdout.TrimEnd().EndsWith("Remote host closed connection unexpectedly.", StringComparison.Ordinal),
                swaks.ToString());
            deliveredAtKill = pickup.Files.Count;
            firstLog = first.Describe();
        }
        output.WriteLine($"pickup files when the first daemon was killed: {deliveredAtKill} of {Members}");
        Assert.True(deliveredAtKill < Members, "the kill came after the whole delivery, so it tested nothing");

        await using var second = await sandbox.StartDaemonAsync(output);
        var files = await pickup.WaitForAsync(f => f.SelectMany(x => x.EnvelopeTo).Distinct().Count() >= Members, DeliveryWait,
            $"a message for each of the {Members} members", () => firstLog + "\n" + second.Describe());

        var recipients = files.SelectMany(f => f.EnvelopeTo).ToList();
        Assert.Equal(members, recipients.Distinct().Order(StringComparer.Ordinal));
        var repeated = recipients.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        var connections = ProcessSandbox.ShippedDeliveryConnections;
        output.WriteLine($"{recipients.Count} messages for {Members} members; repeated: {string.Join(", ", repeated)}");
        Assert.True(recipients.Count - Members <= connections,
            $"{recipients.Count - Members} repeated deliveries, more than Delivery:Connections = {connections}: {string.Join(", ", repeated)}");
        foreach (var file in files)
            Assert.Equal($"bayern-bounces+{Assert.Single(file.EnvelopeTo).Replace('@', '=')}@lists.integreat.example", file.ReturnPath);

        // The store opened cleanly after the kill: the second daemon started, serves the CLI, and shunted nothing.
        var queue = await sandbox.CliAsync("queue", "list");
        Assert.True(queue.ExitCode == 0, queue.ToString() + "\n" + second.Describe());
        Assert.Contains("spool shunt: 0 entries", queue.StdoutLines);
        Assert.DoesNotContain(queue.StdoutLines, l => l.Contains("shunted=yes") || l.StartsWith("shunted ", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Lines, l => l.Contains(" fail: ") || l.Contains(" crit: "));
        Assert.Equal("", second.Stderr);
    }
}
