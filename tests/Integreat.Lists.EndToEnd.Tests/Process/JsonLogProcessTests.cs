using System.Text.Json;
using Integreat.Lists.Testing;
using Xunit.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Process;

/// <summary><c>Log:Format = json</c>: the executable logs one JSON object per line, and delivery one line per
/// recipient per attempt.</summary>
public sealed class JsonLogProcessTests(ITestOutputHelper output)
{
    const string Bayern = "bayern@lists.integreat.example";
    const int DeliveryEvent = 1001;
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_recipient_of_each_attempt_gets_one_json_line_with_its_fields()
    {
        using var sandbox = new ProcessSandbox();
        await using var smarthost = await FakeSmarthost.StartAsync();
        smarthost.Script("b@example.net", "451 4.3.0 try again later");
        var settings = sandbox.Config("127.0.0.1:0");
        settings["Log"] = new System.Text.Json.Nodes.JsonObject { ["Format"] = "json" };
        settings["Delivery"]!["SmartHost"] = smarthost.HostPort;
        settings["Delivery"]!["FirstRetryDelay"] = "00:00:01";
        var config = sandbox.WriteConfig("json.json", settings);
        await using var daemon = await DaemonProcess.StartAsync(sandbox.Root, config, output);
        var add = await ProcessRunner.IntegreatListsAsync(sandbox.Root, "members", "add", Bayern, "a@example.org", "b@example.net", "--config", config);
        Assert.True(add.ExitCode == 0, add.ToString());

        var swaks = await Swaks.SendAsync(sandbox, daemon, "a@example.org", Bayern, "--header", "Subject: Hallo", "--body", "Hallo");

        Assert.True(swaks.ExitCode == 0, swaks.ToString());
        await daemon.WaitForLogAsync(l => l.Contains("\"Recipient\":\"b@example.net\"") && l.Contains("\"Status\":\"sent\""),
            Wait, "the delivery to b@example.net after its retry");
        var stdout = daemon.Lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(stdout);
        Assert.All(stdout, e => Assert.True(e.TryGetProperty("Timestamp", out _) && e.TryGetProperty("Category", out _)));
        var deliveries = stdout.Where(e => e.GetProperty("EventId").GetInt32() == DeliveryEvent)
            .Select(e => e.GetProperty("State"))
            .Select(s => $"{s.GetProperty("Recipient").GetString()} {Field(s, "Attempt")} {s.GetProperty("Status").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["a@example.org 1 sent", "b@example.net 1 deferred", "b@example.net 2 sent"], deliveries);
        // The shipped lists have no owner: each start says so once per list, with the command that fixes it.
        Assert.Single(stdout, e => e.GetProperty("LogLevel").GetString() == "Warning"
                                   && e.GetProperty("Message").GetString()!.StartsWith($"list {Bayern} has no owner or moderator", StringComparison.Ordinal));
    }

    /// <summary>The JSON formatter writes a template field as a string or a number, depending on its type.</summary>
    static string Field(JsonElement state, string name)
    {
        var value = state.GetProperty(name);
        return value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!;
    }
}
