using Integreat.Lists.Testing;
using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary>The deployment with Postfix in front (deploy/README.md): Postfix is the MX and relays the list domain
/// to the daemon, which hands its outgoing mail back to Postfix as smarthost; members' mail leaves Postfix for a
/// sink. All real processes: Postfix, swaks and <c>integreat-lists</c>.</summary>
public sealed class PostfixInFrontTests(ITestOutputHelper output)
{
    const string Bayern = "bayern@lists.integreat.example";
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [PostfixFact]
    public async Task A_post_through_postfix_reaches_every_member_and_an_unknown_list_address_is_refused_at_rcpt()
    {
        using var sandbox = new ProcessSandbox();
        await using var sink = await FakeSmarthost.StartAsync();
        await using var postfix = await PostfixInstance.ReserveAsync();
        var settings = sandbox.Config("127.0.0.1:0");
        settings["Delivery"]!["SmartHost"] = $"127.0.0.1:{postfix.Port}";
        var config = sandbox.WriteConfig("behind-postfix.json", settings);
        await using var daemon = await DaemonProcess.StartAsync(sandbox.Root, config, output);
        Assert.Equal(0, (await Cli(sandbox, config, "members", "add", Bayern, "a@example.org", "b@example.net")).ExitCode);
        var recipients = await Cli(sandbox, config, "postfix-maps");
        var transport = await Cli(sandbox, config, "postfix-maps", "--transport", $"smtp:[127.0.0.1]:{daemon.Port}");
        Assert.Contains("bayern-confirm@lists.integreat.example OK", recipients.StdoutLines);
        await postfix.StartAsync(transport.Stdout, recipients.Stdout, sink.HostPort);

        var post = await ProcessRunner.RunAsync("swaks",
            ["--server", $"127.0.0.1:{postfix.Port}", "--timeout", "20", "--from", "a@example.org", "--to", Bayern,
             "--header", "Subject: Über Postfix", "--body", "Hallo"], sandbox.Root, ProcessRunner.DefaultTimeout);
        var unknown = await ProcessRunner.RunAsync("swaks",
            ["--server", $"127.0.0.1:{postfix.Port}", "--timeout", "20", "--from", "a@example.org", "--to", "nobody@lists.integreat.example"],
            sandbox.Root, ProcessRunner.DefaultTimeout);

        Assert.True(post.ExitCode == 0, post.ToString());
        Assert.Contains("550 5.1.1 <nobody@lists.integreat.example>", unknown.Stdout);
        try
        {
            await sink.WaitForRecipientsAsync(2, Wait);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the members got no copy through Postfix\n{postfix.Log()}\n{daemon.Describe()}");
        }
        Assert.Equal(["a@example.org", "b@example.net"], sink.DeliveredTo.Order(StringComparer.Ordinal));
        foreach (var copy in sink.Messages)
        {
            Assert.StartsWith("bayern-bounces+", copy.Sender);
            var message = copy.ToMimeMessage();
            Assert.Equal("[Bayern] Über Postfix", message.Subject);
            // Postfix added its Received: on the way in (MX) and on the way out (smarthost).
            Assert.True(message.Headers.Count(h => h.Field == "Received" && h.Value.Contains("mx.test.example")) >= 2, message.Headers.ToString());
        }
    }

    static Task<ProcessResult> Cli(ProcessSandbox sandbox, string config, params string[] args)
        => ProcessRunner.IntegreatListsAsync(sandbox.Root, [.. args, "--config", config]);
}
