using System.Diagnostics;
using System.Globalization;
using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Hosting;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.Delivery;
using Integreat.Lists.Smtp;
using Integreat.Lists.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integreat.Lists.Bench;

/// <summary>One post to a list of N members through the whole daemon (in-process) into a sink; prints one result line
/// on stdout, details on stderr (lines starting with '#').</summary>
static class Program
{
    const string ListAddress = "bench@lists.bench.example";
    const string WarmupAddress = "warmup@lists.bench.example";

    static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            if (ex.Message != "help") Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var directory = Path.Combine(Path.GetTempPath(), "integreat-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var sink = options.Sink == "smtp-sink"
                ? (ISink)await SmtpSinkProcess.StartAsync().ConfigureAwait(false)
                : await InprocSink.StartAsync().ConfigureAwait(false);
            return await RunAsync(options, sink, directory).ConfigureAwait(false);
        }
        finally
        {
            if (options.Keep) Console.Error.WriteLine($"# kept {directory}");
            else try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    static async Task<int> RunAsync(BenchOptions options, ISink sink, string directory)
    {
        var probes = new Probes();
        var settings = new Settings(
            new SmtpIntakeOptions { Listen = ["127.0.0.1:0"], DrainTimeout = TimeSpan.FromSeconds(5) },
            new DeliveryOptions
            {
                SmartHost = sink.HostPort,
                PickupDirectory = Path.Combine(directory, "pickup"),
                Connections = options.Connections,
                Verp = options.Verp,
            },
            new StorageOptions { Directory = Path.Combine(directory, "data") },
            [
                new ListSeedOptions { Address = ListAddress, Name = "Bench", SubjectPrefix = "[Bench]" },
                new ListSeedOptions { Address = WarmupAddress, Name = "Warm-up", SubjectPrefix = "[Warm-up]" },
            ])
        {
            // Port 0: several benches (and a daemon) may run on one machine; "" turns the web part off.
            Web = new Integreat.Lists.Web.WebOptions { Listen = options.Web ? "http://127.0.0.1:0" : "" },
        };
        if (options.Dkim) new FileDkimKeyStore(settings.Storage.DkimKeysPath).Generate("lists.bench.example", "bench");
        var problems = SettingsValidator.Validate(settings.Smtp, settings.Delivery, settings.Storage, settings.Lists);
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));

        using var host = DaemonHost.Build(settings, services =>
        {
            // One log line per recipient at Information would dominate (and perturb) the measurement; keep warnings
            // unless asked, and send the log to stderr so stdout carries only the result line.
            services.Configure<LoggerFilterOptions>(o => o.MinLevel = options.LogInformation ? LogLevel.Information : LogLevel.Warning);
            services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            services.AddSingleton<IDeliveryQueue>(sp => new TimedQueue(new LiteDeliveryQueue(sp.GetRequiredService<LiteStore>()), probes));
            services.AddSingleton<IDeliveryJournal>(_ => new TimedJournal(new FileDeliveryJournal(settings.Storage.SpoolPath), probes));
            services.AddSingleton<IOutgoingStore>(_ => new TimedOutgoing(new FileOutgoingStore(settings.Storage.SpoolPath), probes));
            services.AddSingleton<IOutboundTransport>(sp =>
                new TimedTransport(new SmtpTransport(sp.GetRequiredService<IOptions<DeliveryOptions>>()), probes));
        });
        await host.StartAsync().ConfigureAwait(false);
        try
        {
            var endpoints = await host.Services.GetRequiredService<SmtpIntakeService>().Listening
                .WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            var intakePort = endpoints[0].Port;

            // The rosters: N members, the first of them the poster (and the warm-up list's M members).
            var seedStart = Stopwatch.GetTimestamp();
            Seed(host.Services, ListAddress, options.Members);
            if (options.Warmup > 0) Seed(host.Services, WarmupAddress, options.Warmup);
            Console.Error.WriteLine($"# seeded {options.Members + options.Warmup} members in {Stopwatch.GetElapsedTime(seedStart).TotalMilliseconds:0} ms; " +
                                    $"daemon on 127.0.0.1:{intakePort}, sink {options.Sink} on {sink.HostPort}");
            if (options.IntakePosts > 0)
                return await IntakeBench.RunAsync(intakePort, ListAddress, BuildPost(MemberAddress(0), ListAddress, options.Size), options).ConfigureAwait(false);
            var processor = host.Services.GetRequiredService<DeliveryProcessor>();
            var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);

            if (options.Warmup > 0)
            {
                var warm = new Completion(WarmupAddress, (options.Warmup + DeliveryJob.MaxRecipients - 1) / DeliveryJob.MaxRecipients);
                processor.AttemptFinished += warm.OnAttemptFinished;
                var warmStart = Stopwatch.GetTimestamp();
                await PostAsync(intakePort, WarmupAddress, BuildPost(WarmupMember(0), WarmupAddress, options.Size)).ConfigureAwait(false);
                await warm.Done.WaitAsync(timeout).ConfigureAwait(false);
                processor.AttemptFinished -= warm.OnAttemptFinished;
                Console.Error.WriteLine($"# warm-up: {options.Warmup} recipients on {WarmupAddress} in {Stopwatch.GetElapsedTime(warmStart).TotalMilliseconds:0} ms (not measured)");
                // Let the tiered JIT finish the tier-1 recompiles the warm-up triggered.
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                probes.Reset();
            }

            var post = BuildPost(MemberAddress(0), ListAddress, options.Size);
            var postBytes = SerializedLength(post);

            // Completion from the daemon's side: every job of the post finished (each recipient's outcome recorded).
            var completion = new Completion(ListAddress, options.Jobs);
            processor.AttemptFinished += completion.OnAttemptFinished;

            // Memory and CPU from here on only (the roster seeding is not part of the measurement).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var kernelPeakReset = MemorySampler.TryResetKernelPeak();
            var baselineWorkingSet = Environment.WorkingSet;
            using var self = Process.GetCurrentProcess();
            var cpuStart = self.TotalProcessorTime;
            var cpuWindowStart = Stopwatch.GetTimestamp();
            var sinkCpuStart = sink.ProcessCpu;
            var machineStart = MachineCpu.Busy();
            var gcPauseStart = GC.GetTotalPauseDuration();
            var allocatedStart = GC.GetTotalAllocatedBytes();
            var gen0Start = GC.CollectionCount(0);
            var gen2Start = GC.CollectionCount(2);
            var sinkTransactionsStart = sink.Transactions;
            var sinkRecipientsStart = sink.Recipients;
            using var sampler = new MemorySampler();

            var firstDelivery = sink.WhenTransactionsAsync(sinkTransactionsStart + 1);
            var (reply, dataEnd) = await PostAsync(intakePort, ListAddress, post).ConfigureAwait(false);

            try
            {
                await completion.Done.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine($"# TIMEOUT after {timeout.TotalSeconds:0} s: {completion.Recipients} of " +
                                        $"{options.Members} recipients finished, sink has {sink.Transactions - sinkTransactionsStart} transactions");
                return 1;
            }
            var lastAt = completion.LastAt;
            var first = await firstDelivery.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            sampler.Stop();
            var kernelPeak = MemorySampler.KernelPeak();
            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuStart;
            // CPU shares are over the whole window the counters cover: from before the post's SMTP session to here.
            var cpuWall = Stopwatch.GetElapsedTime(cpuWindowStart).TotalSeconds;
            var sinkCpu = sink.ProcessCpu - sinkCpuStart;
            var machine = MachineCpu.Busy() - machineStart;
            var gcPause = GC.GetTotalPauseDuration() - gcPauseStart;
            var allocated = GC.GetTotalAllocatedBytes() - allocatedStart;
            var gen0 = GC.CollectionCount(0) - gen0Start;
            var gen2 = GC.CollectionCount(2) - gen2Start;
            processor.AttemptFinished -= completion.OnAttemptFinished;

            // Cross-checks: nothing left queued, nothing bounced, the sink saw what the daemon says it sent.
            var left = host.Services.GetRequiredService<IDeliveryQueue>().All().Count;
            var bounced = host.Services.GetRequiredService<IBounceEventStore>().ForList(ListAddress).Count;
            var delivered = completion.Recipients - bounced;
            var sinkTransactions = await SettledAsync(() => sink.Transactions - sinkTransactionsStart, options.Transactions).ConfigureAwait(false);
            var sinkRecipients = sink.Recipients - sinkRecipientsStart;

            var lastMs = Ms(lastAt - dataEnd);
            var firstMs = Ms(first - dataEnd);
            var fanoutMs = Ms(Volatile.Read(ref probes.JobsQueuedAt) - dataEnd);
            var rate = delivered / (lastMs / 1000);
            var deliveryRate = delivered / ((lastMs - firstMs) / 1000);
            // A personalised copy is its member's fields plus the shared bytes: the ceiling sends that many bytes.
            var shared = probes.OutgoingMessage ?? throw new InvalidOperationException("no outgoing message was written");
            var outgoing = probes.LastPrefix.Length == 0 ? shared : [.. probes.LastPrefix, .. shared];

            await host.StopAsync().ConfigureAwait(false);

            // The sink's own ceiling, with the daemon stopped: same transactions, message size and connections.
            var ceilingMachineStart = MachineCpu.Busy();
            self.Refresh();
            var ceilingCpuStart = self.TotalProcessorTime;
            var ceilingSinkStart = sink.ProcessCpu;
            var ceilingChildrenStart = ChildrenCpu.Used();
            var ceiling = await sink.MeasureCeilingAsync(options, outgoing).ConfigureAwait(false);
            self.Refresh();
            var ceilingClient = ChildrenCpu.Used() - ceilingChildrenStart;
            var ceilingSink = sink.ProcessCpu - ceilingSinkStart;
            var ceilingOther = MachineCpu.Busy() - ceilingMachineStart - (self.TotalProcessorTime - ceilingCpuStart)
                               - ceilingClient - (ceilingSink ?? TimeSpan.Zero);
            var other = machine - cpu - (sinkCpu ?? TimeSpan.Zero);

            var wall = lastMs / 1000;
            Console.Error.WriteLine($"# post: {postBytes} bytes in, {outgoing.Length} bytes out per recipient " +
                                    $"({probes.LastPrefix.Length} of them the member's own fields); reply to DATA: {reply.Trim()}");
            Console.Error.WriteLine($"# daemon: {options.Jobs} jobs, {options.Transactions} transactions; finished recipients {completion.Recipients}, " +
                                    $"bounced {bounced}, jobs left in queue {left}; sink counted {sinkTransactions} transactions" +
                                    (sinkRecipients is null ? "" : $", {sinkRecipients} recipients"));
            Console.Error.WriteLine($"# timeline from the 250 to DATA: jobs queued {fanoutMs:0.0} ms, first at sink {firstMs:0.0} ms, " +
                                    $"all finished {lastMs:0.0} ms; delivery phase {deliveryRate:0} recipients/s");
            Console.Error.WriteLine($"# cpu over {cpuWall:0.00} s: bench process {cpu.TotalSeconds:0.00} s = {100 * cpu.TotalSeconds / cpuWall:0}% of one core " +
                                    $"({Environment.ProcessorCount} cores)" +
                                    (sinkCpu is { } sc ? $"; smtp-sink {sc.TotalSeconds:0.00} s = {100 * sc.TotalSeconds / cpuWall:0}%" : " (inproc sink included)"));
            Console.Error.WriteLine($"# other processes on the machine: {other.TotalSeconds:0.00} s CPU = {100 * other.TotalSeconds / cpuWall:0}% of one core " +
                                    $"during the post, {100 * ceilingOther.TotalSeconds / ceiling.Elapsed.TotalSeconds:0}% during the ceiling run " +
                                    "(/proc/stat minus this process, smtp-sink and smtp-source; 10 ms ticks, so coarse for runs under a second)");
            Console.Error.WriteLine($"# gc: {gen0} gen0, {gen2} gen2 collections, pauses {gcPause.TotalMilliseconds:0} ms, " +
                                    $"allocated {allocated / 1048576.0:0} MB ({(double)allocated / options.Members:0} B/recipient)");
            Console.Error.WriteLine($"# memory: baseline ws {Mb(baselineWorkingSet)} MB, sampled peak ws {Mb(sampler.PeakWorkingSet)} MB, " +
                                    $"peak GC heap {Mb(sampler.PeakGcHeap)} MB ({sampler.Samples} samples), VmHWM {Mb(kernelPeak)} MB " +
                                    (kernelPeakReset ? "(reset before the post)" : "(since process start: clear_refs failed)"));
            Console.Error.WriteLine($"# time inside daemon ports, summed over threads ({options.Connections} workers x {wall:0.00} s = " +
                                    $"{options.Connections * wall * 1000:0} ms of worker time):");
            foreach (var probe in probes.All) Console.Error.WriteLine("#   " + probe);
            Console.Error.WriteLine("# queue.Complete by jobs still left for the post: " + probes.CompletionProfile());
            Console.Error.WriteLine($"# ceiling ({ceiling.Tool}): {ceiling.Recipients} recipients in {ceiling.Transactions} transactions, " +
                                    $"{ceiling.Elapsed.TotalMilliseconds:0} ms; sink counted {ceiling.SinkTransactions} transactions; cpu: client " +
                                    (options.Sink == "inproc" ? "and sink in this process" : $"{ceilingClient.TotalSeconds:0.00} s, smtp-sink {ceilingSink?.TotalSeconds:0.00} s"));

            var ok = left == 0 && bounced == 0 && delivered == options.Members && sinkTransactions == options.Transactions
                     && (sinkRecipients is null || sinkRecipients == options.Members);
            var line = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"members={options.Members} size={options.Size} verp={(options.Verp ? "on" : "off")} ")
                .Append(CultureInfo.InvariantCulture, $"sink={options.Sink} connections={options.Connections} ")
                .Append(options.Warmup > 0 ? string.Create(CultureInfo.InvariantCulture, $"warmup={options.Warmup} ") : "")
                .Append(options.LogInformation ? "log=information " : "")
                .Append(CultureInfo.InvariantCulture, $"web={(options.Web ? "on" : "off")} dkim={(options.Dkim ? "on" : "off")} ")
                .Append(CultureInfo.InvariantCulture, $"recipients/s={rate:0} first={firstMs:0.0}ms last={lastMs:0}ms ")
                .Append(CultureInfo.InvariantCulture, $"peak_ws={Mb(Math.Max(kernelPeak, sampler.PeakWorkingSet))}MB ")
                .Append(CultureInfo.InvariantCulture, $"ceiling={ceiling.RecipientsPerSecond:0}/s ratio={rate / ceiling.RecipientsPerSecond:0.00} ")
                .Append(CultureInfo.InvariantCulture, $"delivered={delivered} fanout={fanoutMs:0}ms cpu={100 * cpu.TotalSeconds / cpuWall:0}% ")
                .Append(CultureInfo.InvariantCulture, $"cpu_per_recipient={1e6 * cpu.TotalSeconds / options.Members:0}us ")
                .Append(CultureInfo.InvariantCulture, $"gc_heap_peak={Mb(sampler.PeakGcHeap)}MB other_cpu={100 * other.TotalSeconds / cpuWall:0}%/{100 * ceilingOther.TotalSeconds / ceiling.Elapsed.TotalSeconds:0}%")
                .Append(ok ? "" : " CHECK-FAILED");
            Console.Out.WriteLine(line.ToString());
            return ok ? 0 : 1;
        }
        finally
        {
            try { await host.StopAsync().ConfigureAwait(false); } catch (OperationCanceledException) { }
        }
    }

    static string MemberAddress(int i) => $"member{i:D7}@bench.example";

    static string WarmupMember(int i) => $"warm{i:D7}@bench.example";

    static void Seed(IServiceProvider services, string list, int count)
    {
        // The bench measures distribution, not the max-size hold: no size limit on the bench lists.
        var lists = services.GetRequiredService<IListRepository>();
        var seeded = lists.Find(list) ?? throw new InvalidOperationException($"{list} was not created");
        seeded.Posting.MaxMessageSizeKiB = 0;
        lists.Update(seeded);
        var now = DateTime.UtcNow;
        Func<int, string> address = list == ListAddress ? MemberAddress : WarmupMember;
        services.GetRequiredService<IRosterRepository>().AddMissing(Enumerable.Range(0, count)
            .Select(i => Member.Create(list, address(i), null, MemberRole.Member, now)).ToList());
    }

    /// <summary>Posts from the list's first member with MailKit; returns the reply to DATA and when it came.</summary>
    static async Task<(string Reply, long At)> PostAsync(int port, string list, MimeMessage post)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None).ConfigureAwait(false);
        var reply = await client.SendAsync(post, new MailboxAddress("", post.From.Mailboxes.First().Address), [new MailboxAddress("", list)])
            .ConfigureAwait(false);
        var at = Stopwatch.GetTimestamp();
        await client.DisconnectAsync(true).ConfigureAwait(false);
        return (reply, at);
    }

    /// <summary>Counts a list's finished jobs from <see cref="DeliveryProcessor.AttemptFinished"/> until all are.</summary>
    sealed class Completion(string list, int jobs)
    {
        readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        long _recipients;
        long _jobs;
        long _lastAt;

        public Task Done => _done.Task;
        public long Recipients => Interlocked.Read(ref _recipients);
        public long LastAt => Interlocked.Read(ref _lastAt);

        public void OnAttemptFinished(DeliveryJob job, bool finished)
        {
            if (job.List != list) return;
            if (!finished)
            {
                _done.TrySetException(new InvalidOperationException(
                    $"job {job.Id} was not finished after attempt {job.Attempts} (the bench expects every recipient to be accepted): {job.LastError}"));
                return;
            }
            // A finished job keeps its recipients: those delivered plus those bounced (counted from the bounce store).
            Interlocked.Add(ref _recipients, job.Recipients.Count);
            if (Interlocked.Increment(ref _jobs) != jobs) return;
            Interlocked.Exchange(ref _lastAt, Stopwatch.GetTimestamp());
            _done.TrySetResult();
        }
    }

    static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    static long Mb(long bytes) => (bytes + 524288) / 1048576;

    /// <summary>Reads a counter until it reaches <paramref name="expected"/> or stops moving (sinks count a moment later).</summary>
    static async Task<long> SettledAsync(Func<long> read, long expected)
    {
        var value = read();
        for (var i = 0; i < 50 && value < expected; i++)
        {
            await Task.Delay(20).ConfigureAwait(false);
            value = read();
        }
        return value;
    }

    /// <summary>A plain-text post of about <paramref name="size"/> bytes on the wire (headers included), 7bit, 78-byte lines.</summary>
    static MimeMessage BuildPost(string from, string list, int size)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(list));
        message.Subject = "Bench post";
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("bench.example");
        var text = new TextPart("plain") { Text = "", ContentTransferEncoding = ContentEncoding.SevenBit };
        message.Body = text;
        var overhead = (int)SerializedLength(message);
        const string Line = "The quick brown fox jumps over the lazy dog; Sylvia wagt quick den Jux bei Pforzheim.";
        var body = new StringBuilder();
        while (overhead + body.Length + 78 <= size) body.Append(Line, 0, 76).Append("\r\n");
        var rest = (int)(size - overhead - body.Length - 2);
        if (rest > 0) body.Append(Line, 0, Math.Min(rest, 76)).Append("\r\n");
        text.Text = body.ToString();
        return message;
    }

    static long SerializedLength(MimeMessage message)
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(format, stream);
        return stream.Length;
    }
}
