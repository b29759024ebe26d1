using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>What an operator sees of the executable itself: settings errors at start, the health check, SIGTERM.</summary>
public sealed class OperatorProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Serve_with_bad_settings_exits_non_zero_with_one_line_per_problem()
    {
        using var sandbox = new ProcessSandbox();
        var settings = sandbox.Config("nonsense");
        settings["Delivery"]!["Connections"] = 0;
        var bad = sandbox.WriteConfig("bad.json", settings);

        var serve = await ProcessRunner.IntegreatListsAsync(sandbox.Root, "serve", "--config", bad);

        Assert.True(serve.ExitCode == 2, serve.ToString());
        Assert.True(serve.StderrLines.Length == 2, serve.ToString());
        Assert.Single(serve.StderrLines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("Smtp:Listen") && l.Contains("'nonsense'"));
        Assert.Single(serve.StderrLines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("Delivery:Connections"));
        Assert.DoesNotContain("SMTP listening", serve.Stdout);
        Assert.False(File.Exists(Path.Combine(sandbox.DataDirectory, "lists.db")), "a daemon with bad settings must not touch the store");
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_exits_1_with_one_sentence_and_leaves_the_store_alone()
    {
        using var sandbox = new ProcessSandbox();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var busy = sandbox.WriteConfig("busy.json", sandbox.Config(taken.LocalEndpoint.ToString()!));

        var serve = await ProcessRunner.IntegreatListsAsync(sandbox.Root, "serve", "--config", busy);

        Assert.True(serve.ExitCode == 1, serve.ToString());
        var line = Assert.Single(serve.StderrLines);
        Assert.StartsWith("error: Smtp:Listen " + taken.LocalEndpoint, line);
        Assert.DoesNotContain("Exception", serve.Stdout + serve.Stderr);
        Assert.False(File.Exists(Path.Combine(sandbox.DataDirectory, "lists.db")), "a daemon that cannot listen must not touch the store");
    }

    [Fact]
    public async Task Healthcheck_exits_0_while_the_daemon_runs_and_1_once_it_is_stopped()
    {
        using var sandbox = new ProcessSandbox();
        await using var daemon = await sandbox.StartDaemonAsync(output);
        // The daemon listens on port 0; the health check needs the real port, as an operator's fixed Smtp:Listen has.
        var health = sandbox.WriteConfig("health.json", sandbox.Config($"127.0.0.1:{daemon.Port}"));

        var healthy = await ProcessRunner.IntegreatListsAsync(sandbox.Root, "healthcheck", "--config", health);

        Assert.True(healthy.ExitCode == 0, healthy.ToString() + "\n" + daemon.Describe());
        Assert.StartsWith("ok: 220 ", Assert.Single(healthy.StdoutLines));

        var stopped = await daemon.StopAsync();
        Assert.True(stopped == 0, $"SIGTERM should stop the daemon cleanly.\n{daemon.Describe()}");

        var unhealthy = await ProcessRunner.IntegreatListsAsync(sandbox.Root, "healthcheck", "--config", health);

        Assert.True(unhealthy.ExitCode == 1, unhealthy.ToString());
        Assert.StartsWith("unhealthy: ", Assert.Single(unhealthy.StderrLines));
    }
}
