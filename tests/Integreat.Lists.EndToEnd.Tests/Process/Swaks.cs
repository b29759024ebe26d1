namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>swaks, the operator's SMTP test tool, against a <see cref="DaemonProcess"/>.</summary>
public static class Swaks
{
    /// <summary>Runs <c>swaks --server 127.0.0.1:PORT --from FROM --to TO EXTRA…</c> and returns its transcript.</summary>
    public static Task<ProcessResult> SendAsync(ProcessSandbox sandbox, DaemonProcess daemon, string from, string to, params string[] extra)
        => ProcessRunner.RunAsync("swaks",
            ["--server", $"127.0.0.1:{daemon.Port}", "--timeout", "20", "--from", from, "--to", to, .. extra],
            sandbox.Root, ProcessRunner.DefaultTimeout);
}
