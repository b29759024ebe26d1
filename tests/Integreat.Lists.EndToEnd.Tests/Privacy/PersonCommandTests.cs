using System.Text.Json;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.EndToEnd.Tests.Cli;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Privacy;

/// <summary><c>person export</c> and <c>person forget</c> across two lists, with bounce records and the audit log.</summary>
public sealed class PersonCommandTests : IDisposable
{
    const string ListA = "a@lists.example.org";
    const string ListB = "b@lists.example.org";
    readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Export_shows_everything_and_forget_erases_it_on_both_lists_keeping_only_a_hash()
    {
        (await _sandbox.RunAsync("lists", "create", ListA)).AssertSuccess();
        (await _sandbox.RunAsync("lists", "create", ListB)).AssertSuccess();
        (await _sandbox.RunAsync("members", "add", ListA, "erika@example.org", "max@example.org")).AssertSuccess();
        (await _sandbox.RunAsync("members", "add", ListB, "Erika@Example.org", "--role", "owner")).AssertSuccess();
        using (var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath))
        {
            var bounces = new LiteBounceEventStore(store);
            bounces.Add(new BounceEvent { List = ListA, Address = "erika@example.org", Dsn = "5.1.1", TimeUtc = DateTime.UtcNow });
            bounces.Add(new BounceEvent { List = ListA, Address = "max@example.org", Dsn = "5.1.1", TimeUtc = DateTime.UtcNow });
        }

        var before = Export(await _sandbox.RunAsync("person", "export", "ERIKA@example.org"));
        Assert.Equal("erika@example.org", before.GetProperty("address").GetString());
        Assert.Equal([ListA, ListB], before.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("list").GetString()).Order());
        Assert.Contains(before.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("role").GetString() == "owner");
        Assert.Single(before.GetProperty("bounceRecords").EnumerateArray());
        Assert.Equal(2, before.GetProperty("auditEntries").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("suppressedSinceUtc").ValueKind);
        Assert.Empty(before.GetProperty("heldPosts").EnumerateArray());

        var forget = (await _sandbox.RunAsync("person", "forget", "erika@example.org")).AssertSuccess().OutLines;

        Assert.Matches(@"^forgotten as forgotten-[0-9a-f]{12}: removed from 2 list\(s\)", Assert.Single(forget));
        var after = Export(await _sandbox.RunAsync("person", "export", "erika@example.org"));
        Assert.Empty(after.GetProperty("memberships").EnumerateArray());
        Assert.Empty(after.GetProperty("bounceRecords").EnumerateArray());
        Assert.Empty(after.GetProperty("auditEntries").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("suppressedSinceUtc").ValueKind);
        foreach (var list in new[] { ListA, ListB })
        {
            var audit = (await _sandbox.RunAsync("audit", list)).AssertSuccess().Out;
            Assert.DoesNotContain("erika", audit, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("forgotten-", audit);
        }
        Assert.Contains("max@example.org", (await _sandbox.RunAsync("members", "list", ListA)).AssertSuccess().Out);
        Assert.Single(Export(await _sandbox.RunAsync("person", "export", "max@example.org")).GetProperty("bounceRecords").EnumerateArray());

        Assert.Contains("was forgotten on request", (await _sandbox.RunAsync("members", "add", ListA, "erika@example.org")).AssertBadInput());
        (await _sandbox.RunAsync("person", "allow", "erika@example.org")).AssertSuccess();
        (await _sandbox.RunAsync("members", "add", ListA, "erika@example.org")).AssertSuccess();
    }

    static JsonElement Export(CliResult result) => JsonDocument.Parse(result.AssertSuccess().Out).RootElement;

    public void Dispose() => _sandbox.Dispose();
}
