using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Integreat.Lists.Bench;

/// <summary><c>--intake POSTS</c>: durable intake alone. <c>--clients</c> concurrent MailKit clients, each on one
/// connection, send POSTS posts in all; every 250 means the post is on disk (fsync). Prints one result line.</summary>
static class IntakeBench
{
    public static async Task<int> RunAsync(int port, string list, MimeMessage post, BenchOptions options)
    {
        var perClient = (options.IntakePosts + options.Clients - 1) / options.Clients;
        var latencies = new double[perClient * options.Clients];
        // MimeKit prepares a message for sending in place (it reads the parts' content streams), so clients sharing one
        // instance race on them: each client sends its own copy.
        using var serialised = new MemoryStream();
        post.WriteTo(serialised);
        var copies = Enumerable.Range(0, options.Clients).Select(_ => MimeMessage.Load(new MemoryStream(serialised.ToArray()))).ToList();
        GC.Collect();
        var kernelPeakReset = MemorySampler.TryResetKernelPeak();
        using var self = Process.GetCurrentProcess();
        var cpuStart = self.TotalProcessorTime;
        var machineStart = MachineCpu.Busy();
        using var sampler = new MemorySampler();
        var start = Stopwatch.GetTimestamp();
        var accepted = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => ClientAsync(port, list, copies[c], latencies.AsMemory(c * perClient, perClient))));
        var elapsed = Stopwatch.GetElapsedTime(start);
        sampler.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuStart;
        var other = MachineCpu.Busy() - machineStart - cpu;
        Array.Sort(latencies);
        var total = accepted.Sum();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"intake posts={total} clients={options.Clients} size={options.Size} posts/s={total / elapsed.TotalSeconds:0} " +
            $"p50={latencies[latencies.Length / 2]:0.0}ms p99={latencies[latencies.Length * 99 / 100]:0.0}ms " +
            $"peak_ws={Math.Max(MemorySampler.KernelPeak(), sampler.PeakWorkingSet) / 1048576}MB cpu={100 * cpu.TotalSeconds / elapsed.TotalSeconds:0}% " +
            $"other_cpu={100 * other.TotalSeconds / elapsed.TotalSeconds:0}%{(kernelPeakReset ? "" : " (VmHWM not reset)")}");
        Console.Out.WriteLine(total == latencies.Length ? line : line + " CHECK-FAILED");
        return total == latencies.Length ? 0 : 1;
    }

    /// <summary>One connection, posts one after another; returns how many got 250.</summary>
    static async Task<int> ClientAsync(int port, string list, MimeMessage post, Memory<double> latencies)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None).ConfigureAwait(false);
        var sender = new MailboxAddress("", post.From.Mailboxes.First().Address);
        var accepted = 0;
        for (var i = 0; i < latencies.Length; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            var reply = await client.SendAsync(post, sender, [new MailboxAddress("", list)]).ConfigureAwait(false);
            latencies.Span[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            if (reply.StartsWith("2.0.0 queued", StringComparison.Ordinal)) accepted++;
        }
        await client.DisconnectAsync(true).ConfigureAwait(false);
        return accepted;
    }
}
