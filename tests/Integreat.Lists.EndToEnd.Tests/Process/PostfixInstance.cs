using System.Net;
using System.Net.Sockets;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>A throw-away Postfix on a loopback port, configured as the deploy guide says (deploy/postfix/main.cf),
/// with its maps from <c>integreat-lists postfix-maps</c> (shared/docs/POSTFIX-TESTING.md).</summary>
/// <remarks><c>postfix -c DIR</c> only accepts a DIR listed in the default main.cf's
/// <c>alternate_config_directories</c>, so the instance always lives in <see cref="Root"/>; a file lock keeps two
/// test runs on one machine from sharing it.</remarks>
public sealed class PostfixInstance : IAsyncDisposable
{
    public const string PostfixBinary = "/usr/sbin/postfix";
    const string Root = "/tmp/integreat-lists-postfix";
    static readonly TimeSpan LockWait = TimeSpan.FromMinutes(3);
    readonly FileStream _lock;
    bool _started;

    PostfixInstance(FileStream held, int port)
    {
        _lock = held;
        Port = port;
    }

    /// <summary>The port Postfix's smtpd listens on (127.0.0.1).</summary>
    public int Port { get; }

    public static string ConfigDirectory => Path.Combine(Root, "etc");

    /// <summary>Where Postfix logs (there is no syslog here).</summary>
    public static string LogFile => Path.Combine(Root, "maillog");

    /// <summary>Takes the machine-wide lock and a free port; the instance is configured and started by <see cref="StartAsync"/>.</summary>
    public static async Task<PostfixInstance> ReserveAsync()
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                var held = new FileStream(Root + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new PostfixInstance(held, FreePort());
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    /// <summary>Writes the configuration and the maps and starts Postfix.</summary>
    /// <param name="transport">The transport map (<c>postfix-maps --transport</c>).</param>
    /// <param name="recipients">The relay recipient map (<c>postfix-maps</c>).</param>
    /// <param name="relayHost">Where everything outside the list domains goes (the test's sink), host:port.</param>
    public async Task StartAsync(string transport, string recipients, string relayHost)
    {
        await RunPostfixAsync("stop", mayFail: true);
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        foreach (var dir in new[] { "etc", "queue", "data" }) Directory.CreateDirectory(Path.Combine(Root, dir));
        // Postfix's own user must traverse the folder and own its data directory.
        await ProcessRunner.RunAsync("chmod", ["755", Root], Root, ProcessRunner.DefaultTimeout);
        await ProcessRunner.RunAsync("chown", ["postfix", Path.Combine(Root, "data")], Root, ProcessRunner.DefaultTimeout);
        var etc = ConfigDirectory;
        await File.WriteAllTextAsync(Path.Combine(etc, "integreat-transport"), transport);
        await File.WriteAllTextAsync(Path.Combine(etc, "integreat-recipients"), recipients);
        var deploy = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "postfix", "main.cf"));
        await File.WriteAllTextAsync(Path.Combine(etc, "main.cf"), MainCf(relayHost) + deploy.Replace("/etc/postfix/", etc + "/"));
        await File.WriteAllTextAsync(Path.Combine(etc, "master.cf"), MasterCf(Port));
        AllowConfigDirectory();
        await RunPostfixAsync("set-permissions");
        await RunPostfixAsync("start");
        _started = true;
    }

    public string Log() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no maillog)";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_started) await RunPostfixAsync("stop", mayFail: true);
        }
        finally
        {
            _lock.Dispose();
        }
    }

    async Task RunPostfixAsync(string command, bool mayFail = false)
    {
        if (command == "stop" && !File.Exists(Path.Combine(ConfigDirectory, "main.cf"))) return;
        var result = await ProcessRunner.RunAsync(PostfixBinary, ["-c", ConfigDirectory, command], "/", TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0 && !mayFail) throw new InvalidOperationException($"{result}\n{Log()}");
    }

    /// <summary>The default main.cf must name our directory, or <c>postfix -c</c> refuses it.</summary>
    static void AllowConfigDirectory()
    {
        const string main = "/etc/postfix/main.cf";
        var line = "alternate_config_directories = " + ConfigDirectory;
        var text = File.Exists(main) ? File.ReadAllText(main) : "";
        if (!text.Contains(line, StringComparison.Ordinal)) File.AppendAllText(main, (text.Length > 0 && !text.EndsWith('\n') ? "\n" : "") + line + "\n");
    }

    static string MainCf(string relayHost) => $"""
        compatibility_level = 3.6
        queue_directory = {Root}/queue
        data_directory = {Root}/data
        maillog_file = {LogFile}
        maillog_file_prefixes = /tmp
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        myhostname = mx.test.example
        mydestination =
        mynetworks = 127.0.0.0/8
        relayhost = [{relayHost.Split(':')[0]}]:{relayHost.Split(':')[1]}
        smtp_tls_security_level = none
        smtpd_tls_security_level = none
        disable_dns_lookups = yes
        alias_maps =
        alias_database =
        local_recipient_maps =
        biff = no

        """;

    /// <summary>Debian's services, none chrooted (the temp instance has no chroot), smtpd on the test's port.</summary>
    static string MasterCf(int port)
    {
        string[] services =
        [
            $"127.0.0.1:{port} inet n - n - - smtpd",
            "pickup unix n - n 60 1 pickup", "cleanup unix n - n - 0 cleanup", "qmgr unix n - n 300 1 qmgr",
            "tlsmgr unix - - n 1000? 1 tlsmgr", "rewrite unix - - n - - trivial-rewrite", "bounce unix - - n - 0 bounce",
            "defer unix - - n - 0 bounce", "trace unix - - n - 0 bounce", "verify unix - - n - 1 verify",
            "flush unix n - n 1000? 0 flush", "proxymap unix - - n - - proxymap", "proxywrite unix - - n - 1 proxymap",
            "smtp unix - - n - - smtp", "relay unix - - n - - smtp", "showq unix n - n - - showq",
            "error unix - - n - - error", "retry unix - - n - - error", "discard unix - - n - - discard",
            "anvil unix - - n - 1 anvil", "scache unix - - n - 1 scache", "postlog unix-dgram n - n - 1 postlogd",
        ];
        return string.Join('\n', services) + "\n";
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
