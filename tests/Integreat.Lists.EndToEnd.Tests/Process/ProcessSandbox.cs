using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>A temporary working directory with <c>config.json</c> for daemons and CLI runs as separate processes:
/// SMTP on 127.0.0.1:0, <c>Storage:Directory</c> and <c>Delivery:PickupDirectory</c> inside it; every other
/// setting (the five lists included) comes from the shipped <c>appsettings.json</c>. DNS questions go to an empty
/// zone on loopback (every name NXDOMAIN), so no test depends on the machine's resolvers.</summary>
public sealed class ProcessSandbox : IDisposable
{
    readonly Integreat.Lists.Testing.LoopbackDnsServer _dns = Integreat.Lists.Testing.LoopbackDnsServer.Start();

    public ProcessSandbox()
    {
        // Short: the control socket lives in the data directory, and a Unix socket path has at most 107 bytes.
        Root = Path.Combine(Path.GetTempPath(), "il-proc-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        ConfigFile = WriteConfig("config.json", Config("127.0.0.1:0"));
    }

    public string Root { get; }

    public string ConfigFile { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string PickupDirectory => Path.Combine(Root, "pickup");

    /// <summary><c>Delivery:Connections</c> as shipped (the sandbox does not override it).</summary>
    public static int ShippedDeliveryConnections
    {
        get
        {
            var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!;
            return shipped["Delivery"]!["Connections"]!.GetValue<int>();
        }
    }

    /// <summary>The sandbox's settings with another <c>Smtp:Listen</c> entry.</summary>
    public JsonObject Config(string listen) => new()
    {
        ["Smtp"] = new JsonObject { ["Listen"] = new JsonArray(listen) },
        ["Storage"] = new JsonObject { ["Directory"] = DataDirectory },
        ["Delivery"] = new JsonObject { ["PickupDirectory"] = PickupDirectory },
        ["Web"] = new JsonObject { ["Listen"] = "http://127.0.0.1:0" },
        ["Dns"] = new JsonObject { ["Servers"] = new JsonArray(_dns.Endpoint) },
    };

    /// <summary>Writes a settings file into the sandbox and returns its path.</summary>
    public string WriteConfig(string name, JsonNode settings)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>Runs <c>integreat-lists ARGS --config config.json</c> in the sandbox, as a separate process.</summary>
    public Task<ProcessResult> CliAsync(params string[] args) => ProcessRunner.IntegreatListsAsync(Root, [.. args, "--config", ConfigFile]);

    /// <summary>Starts <c>integreat-lists serve --config config.json</c> and waits until it listens for SMTP.</summary>
    public Task<DaemonProcess> StartDaemonAsync(ITestOutputHelper? log = null) => DaemonProcess.StartAsync(Root, ConfigFile, log);

    public void Dispose()
    {
        _dns.Dispose();
        try { Directory.Delete(Root, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* a leftover temp directory is harmless */ }
    }
}
