using System.Diagnostics;
using System.Text;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>What one finished external command returned and printed.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Lines(Stdout);

    public string[] StderrLines => Lines(Stderr);

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString()
        => $"$ {Command}\nexit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    static string[] Lines(string text)
        => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}

/// <summary>Runs real executables as separate processes: the built <c>integreat-lists</c> through the
/// <c>dotnet</c> host, and the operator's tools (swaks).</summary>
public static class ProcessRunner
{
    /// <summary>The daemon's entry assembly, copied to the test output by the project reference.</summary>
    public static string DaemonDll => Path.Combine(AppContext.BaseDirectory, "integreat-lists.dll");

    /// <summary>The <c>dotnet</c> host that runs the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>How long a one-shot command may take before it is killed and the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A start description with redirected, UTF-8 output and without inherited <c>INTEGREAT_LISTS_*</c>
    /// overrides, so the test's environment cannot change the settings under test.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("INTEGREAT_LISTS_", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        return info;
    }

    /// <summary>Runs <c>dotnet integreat-lists.dll ARGS</c> to completion.</summary>
    public static Task<ProcessResult> IntegreatListsAsync(string workingDirectory, params string[] args)
        => RunAsync(DotnetHost, [DaemonDll, .. args], workingDirectory, DefaultTimeout);

    /// <summary>Runs a command to completion; on timeout kills its process tree and throws with what it printed.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> args, string workingDirectory, TimeSpan timeout)
    {
        var command = string.Join(' ', new[] { fileName }.Concat(args).Select(Quote));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new System.Diagnostics.Process { StartInfo = StartInfo(fileName, args, workingDirectory) };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            // Also waits until both redirected streams reached end of file.
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            string printed;
            lock (stdout) lock (stderr) printed = $"--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}";
            throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds:0} s and was killed.\n{printed}");
        }
        lock (stdout) lock (stderr) return new ProcessResult(command, process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:=@+,".Contains(c)) ? arg : $"\"{arg}\"";
}
