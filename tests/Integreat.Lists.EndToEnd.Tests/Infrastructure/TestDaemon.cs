using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Hosting;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.Smtp;
using Integreat.Lists.Storage;
using Integreat.Lists.Web;
using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Infrastructure;

/// <summary>The whole daemon in-process: SMTP on 127.0.0.1:0, LiteDB and spool in a temp directory.</summary>
public sealed class TestDaemon : IAsyncDisposable
{
    public const string Bayern = "bayern@lists.integreat.example";
    readonly IHost _host;
    readonly bool _ownsDirectory;

    TestDaemon(IHost host, string directory, int port, bool ownsDirectory)
    {
        _host = host;
        Directory = directory;
        Port = port;
        _ownsDirectory = ownsDirectory;
    }

    public string Directory { get; }

    /// <summary>The daemon's DNS (a fake zone, empty unless a test adds records; no test asks real DNS).</summary>
    public Integreat.Lists.Testing.InMemoryDnsResolver Dns { get; private init; } = new();
    public int Port { get; }
    public IServiceProvider Services => _host.Services;
    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>The web port's base address (Kestrel on 127.0.0.1:0).</summary>
    public async Task<Uri> WebUrlAsync()
        => await Get<WebServer>().Listening.WaitAsync(TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("the web port is off");

    /// <summary>Settings for tests: loopback, short retries, the Bayern list seeded.</summary>
    public static Settings CreateSettings(string directory, string smartHost)
    {
        var smtp = new SmtpIntakeOptions { Listen = ["127.0.0.1:0"], DrainTimeout = TimeSpan.FromSeconds(5) };
        var delivery = new DeliveryOptions
        {
            SmartHost = smartHost,
            PickupDirectory = Path.Combine(directory, "pickup"),
            Connections = 2,
            ConnectRetries = 1,
            ConnectRetryDelay = TimeSpan.FromMilliseconds(10),
            CommandTimeout = TimeSpan.FromSeconds(20),
        };
        var storage = new StorageOptions { Directory = Path.Combine(directory, "data") };
        var lists = new List<ListSeedOptions> { new() { Address = Bayern, Name = "Integreat Bayern", SubjectPrefix = "[Bayern]" } };
        return new Settings(smtp, delivery, storage, lists) { Web = new WebOptions { Listen = "http://127.0.0.1:0" } };
    }

    public static async Task<TestDaemon> StartAsync(string? smartHost, Action<Settings>? tweak = null,
        Action<IServiceCollection>? services = null, string? directory = null)
    {
        var owns = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "integreat-e2e-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var settings = CreateSettings(directory, smartHost ?? "");
        tweak?.Invoke(settings);
        var dns = new Integreat.Lists.Testing.InMemoryDnsResolver();
        var host = DaemonHost.Build(settings, s =>
        {
            // One console line per recipient would dominate the run time of fan-out tests; keep warnings.
            s.Configure<Microsoft.Extensions.Logging.LoggerFilterOptions>(o => o.MinLevel = Microsoft.Extensions.Logging.LogLevel.Warning);
            // Tests never ask real DNS: an empty zone (every name NXDOMAIN) that the test fills through Dns, unless
            // the test brings a resolver of its own.
            s.AddSingleton<IDnsResolver>(dns);
            services?.Invoke(s);
        });
        await host.StartAsync();
        var endpoints = await host.Services.GetRequiredService<SmtpIntakeService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        return new TestDaemon(host, directory, endpoints[0].Port, owns) { Dns = dns };
    }

    /// <summary>Adds members to the Bayern list.</summary>
    public void AddMembers(IEnumerable<string> addresses, MemberRole role = MemberRole.Member, string list = Bayern)
    {
        var now = DateTime.UtcNow;
        Get<IRosterRepository>().AddMissing(addresses.Select(a => Member.Create(list, a, null, role, now)).ToList());
    }

    /// <summary>Posts with MailKit; returns the server's final reply.</summary>
    public async Task<string> PostAsync(MimeMessage message, string sender, params string[] recipients)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.None);
        var reply = await client.SendAsync(message, new MailboxAddress("", sender), recipients.Select(r => new MailboxAddress("", r)));
        await client.DisconnectAsync(true);
        return reply;
    }

    /// <summary>Posts raw bytes (CRLF line ends) exactly, over a plain socket; returns the reply to the data.</summary>
    public async Task<string> PostRawAsync(byte[] raw, string sender, params string[] recipients)
    {
        await using var client = new Integreat.Lists.Testing.RawSmtpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        await client.SendAsync("EHLO test.example.org");
        await client.SendAsync($"MAIL FROM:<{sender}>");
        foreach (var recipient in recipients) await client.SendAsync($"RCPT TO:<{recipient}>");
        await client.SendAsync("DATA");
        var reply = await client.SendDataAsync(DotStuff(raw));
        await client.SendAsync("QUIT");
        return reply;
    }

    /// <summary>RFC 5321 §4.5.2: a line starting with '.' gets one more.</summary>
    static byte[] DotStuff(byte[] raw)
    {
        var output = new List<byte>(raw.Length + 16);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '.' && (i == 0 || raw[i - 1] == '\n')) output.Add((byte)'.');
            output.Add(raw[i]);
        }
        return output.ToArray();
    }

    /// <summary>Completes when a delivery attempt of a job finishes and <paramref name="condition"/> holds.</summary>
    public Task WaitForAttemptAsync(Func<DeliveryJob, bool, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = Get<DeliveryProcessor>();
        void Handler(DeliveryJob job, bool finished)
        {
            if (!condition(job, finished)) return;
            processor.AttemptFinished -= Handler;
            done.TrySetResult();
        }
        processor.AttemptFinished += Handler;
        return done.Task.WaitAsync(timeout);
    }

    /// <summary>Completes when the delivery dispatcher waits (its timer set) and <paramref name="condition"/> holds for
    /// the next due time; subscribe before causing the work.</summary>
    public Task WaitForDispatcherIdleAsync(Func<DateTime?, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = Get<OutgoingRunner>();
        void Handler(DateTime? next)
        {
            if (!condition(next)) return;
            runner.Waiting -= Handler;
            done.TrySetResult();
        }
        runner.Waiting += Handler;
        // Subscribed first, then the current state: no wait can slip between the two.
        var (waiting, next) = runner.IdleState;
        if (waiting) Handler(next);
        return done.Task.WaitAsync(timeout);
    }

    public async Task StopAsync() => await _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try { await _host.StopAsync(); } catch (OperationCanceledException) { }
        _host.Dispose();
        if (_ownsDirectory) try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
