using System.Text.Json;
using Integreat.Lists.Daemon.Configuration;
using CliEntry = Integreat.Lists.Daemon.Cli.Cli;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary>A temporary data directory and settings file for one test, and a way to run the CLI against them
/// in-process with captured output.</summary>
sealed class CliSandbox : IDisposable
{
    public CliSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "il-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        ConfigFile = Path.Combine(Root, "settings.json");
        var settings = new
        {
            Storage = new { Directory = DataDirectory },
            Smtp = new { Listen = new[] { "127.0.0.1:0" } },
            Web = new { Listen = "http://127.0.0.1:0" },
            Delivery = new { PickupDirectory = Path.Combine(Root, "pickup") },
            Lists = Array.Empty<object>(),
        };
        File.WriteAllText(ConfigFile, JsonSerializer.Serialize(settings));
    }

    public string Root { get; }

    public string ConfigFile { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public Settings Settings => Settings.Bind(SettingsLoader.Load(ConfigFile));

    /// <summary>Runs <c>integreat-lists ARGS --config FILE</c>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunRawAsync([.. args, "--config", ConfigFile]);

    /// <summary>Runs exactly <paramref name="args"/>.</summary>
    public static async Task<CliResult> RunRawAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliEntry.RunAsync(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Writes a file in the sandbox and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}
