using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>A runner that fails stops the daemon, and the exit code says so: systemd's <c>Restart=on-failure</c>
/// and Docker's <c>on-failure</c> restart only a process that exits non-zero.</summary>
public sealed class RunnerFailureProcessTests(ITestOutputHelper output)
{
    /// <summary>The incoming runner rescans its queue at least every 30 s; the margin covers a slow machine.</summary>
    static readonly TimeSpan FaultWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_daemon_whose_incoming_runner_fails_exits_non_zero()
    {
        using var sandbox = new ProcessSandbox();
        await using var daemon = await sandbox.StartDaemonAsync(output);
        // The incoming runner lists spool/in on every pass; without the folder the listing throws, outside the
        // per-entry shunt handling, so the runner's task faults and the host stops. A post cannot trigger the pass
        // sooner: without the folder the intake cannot spool it, answers 451 and wakes no runner. The pass comes
        // with the runner's periodic rescan (30 s after its last one), so the fault is certain, only not immediate.
        Directory.Delete(Path.Combine(sandbox.DataDirectory, "spool", "in"), recursive: true);

        var code = await daemon.WaitForExitCodeAsync(FaultWait);

        Assert.True(code == 1, $"a daemon stopped by a failed runner must exit 1 so that it is restarted.\n{daemon.Describe()}");
        Assert.Contains(daemon.Lines, l => l.Contains(" crit: ") && l.Contains("IncomingRunner failed and stopped the daemon"));
        Assert.Contains("error: the daemon stopped because IncomingRunner failed: DirectoryNotFoundException", daemon.Stderr);
    }
}
