using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Integreat.Lists.Testing;
using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary><c>kill -9</c> of the real daemon at 20 random points while posts come in and fan out to 500 members
/// through a smarthost: every acknowledged post reaches every member, repeats stay within the transactions in
/// flight, and each restart opens the store cleanly. The seed is printed; <c>CRASH_SEED=N</c> repeats a run.</summary>
public sealed partial class CrashLoopProcessTests(ITestOutputHelper output)
{
    const string Bayern = "bayern@lists.integreat.example";
    const int Members = 500;
    const int Kills = 20;
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Twenty_kills_during_intake_and_fan_out_lose_no_acknowledged_post_and_repeat_only_transactions_in_flight()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        output.WriteLine($"seed {seed} (CRASH_SEED={seed} repeats this run)");
        var random = new Random(seed);
        await using var sink = await FakeSmarthost.StartAsync();
        var tally = new Tally(Members);
        sink.Received += tally.Add;
        using var sandbox = new ProcessSandbox();
        var config = sandbox.Config("127.0.0.1:0");
        config["Delivery"] = new JsonObject { ["SmartHost"] = sink.HostPort };
        sandbox.WriteConfig("config.json", config);
        var members = Enumerable.Range(0, Members).Select(i => $"m{i:D3}@example.org").ToList();
        var poster = new CrashPoster(sink, () => tally.Delivered, Members);
        var posting = poster.RunAsync();
        var lastLog = "";
        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                await using var daemon = await sandbox.StartDaemonAsync();
                if (kill == 0)
                {
                    var add = await sandbox.CliAsync(["members", "add", Bayern, .. members]);
                    Assert.True(add.ExitCode == 0, add.ToString());
                }
                Assert.DoesNotContain(daemon.Lines, l => l.Contains(" fail: ") || l.Contains(" crit: "));
                poster.Target(daemon.Port);
                // Half the kills come at a random delivery count (mid fan-out), half right after an acknowledged post
                // (mid intake: spooled, maybe not yet parsed or queued).
                if (random.Next(2) == 0)
                {
                    var target = tally.Delivered + random.Next(1, Members * 3 / 2);
                    await sink.WaitForAsync(_ => tally.Delivered >= target, Wait, $"{target} deliveries");
                }
                else
                {
                    await poster.WaitForAcknowledgedAsync(poster.Acknowledged.Count + random.Next(1, 3), Wait);
                }
                daemon.Freeze();
                poster.Target(null);
                await daemon.KillAsync();
                lastLog = daemon.Describe();
            }
            await using var final = await sandbox.StartDaemonAsync(output);
            poster.Target(final.Port);
            await poster.WaitForAcknowledgedAsync(poster.Acknowledged.Count + 1, Wait);
            var acknowledged = await poster.StopAsync(posting);
            await sink.WaitForAsync(_ => tally.Complete(acknowledged), Wait, "every acknowledged post at every member");

            output.WriteLine($"{acknowledged.Count} posts acknowledged, {tally.Delivered} deliveries, {tally.Repeated} repeated");
            Assert.True(acknowledged.Count >= Kills / 2, $"only {acknowledged.Count} posts acknowledged");
            var connections = ProcessSandbox.ShippedDeliveryConnections;
            // Each kill can cut at most one transaction per connection after the smarthost took it but before its
            // journal line; with VERP a transaction is one recipient.
            Assert.True(tally.Repeated <= Kills * connections, $"{tally.Repeated} repeated deliveries, more than {Kills} kills x {connections} connections");
            var queue = await sandbox.CliAsync("queue", "list");
            Assert.True(queue.ExitCode == 0, queue.ToString() + "\n" + final.Describe());
            Assert.Contains("spool shunt: 0 entries", queue.StdoutLines);
            Assert.DoesNotContain(queue.StdoutLines, l => l.Contains("shunted=yes") || l.StartsWith("shunted ", StringComparison.Ordinal));
            Assert.DoesNotContain(final.Lines, l => l.Contains(" fail: ") || l.Contains(" crit: "));
        }
        catch (Exception ex) when (ex is TimeoutException or Xunit.Sdk.XunitException)
        {
            output.WriteLine($"seed {seed}; last killed daemon:\n{lastLog}");
            throw;
        }
        finally
        {
            poster.Target(null);
            await poster.StopAsync(posting);
        }
    }

    [GeneratedRegex(@"crash-(\d+)")]
    private static partial Regex PostNumber();

    /// <summary>Which member got which post, from the smarthost's side.</summary>
    sealed class Tally(int members)
    {
        readonly Dictionary<int, HashSet<string>> _received = [];
        int _delivered, _repeated;

        public int Delivered => Volatile.Read(ref _delivered);
        public int Repeated => Volatile.Read(ref _repeated);

        public void Add(CapturedMessage message)
        {
            var post = int.Parse(PostNumber().Match(System.Text.Encoding.ASCII.GetString(message.Data)).Groups[1].Value);
            lock (_received)
            {
                if (!_received.TryGetValue(post, out var recipients)) _received[post] = recipients = [];
                foreach (var recipient in message.Recipients)
                {
                    if (!recipients.Add(recipient)) _repeated++;
                    _delivered++;
                }
            }
        }

        public bool Complete(IReadOnlyCollection<int> posts)
        {
            lock (_received) return posts.All(p => _received.TryGetValue(p, out var r) && r.Count == members);
        }
    }
}
