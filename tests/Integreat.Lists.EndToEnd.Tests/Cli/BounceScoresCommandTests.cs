using Integreat.Lists.Core.Model;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

public sealed class BounceScoresCommandTests : IDisposable
{
    const string Bayern = "bayern@lists.example.org";
    readonly CliSandbox _sandbox = new();

    public BounceScoresCommandTests()
    {
        _sandbox.RunAsync("lists", "create", Bayern).GetAwaiter().GetResult().AssertSuccess();
        _sandbox.RunAsync("members", "add", Bayern, "erika@example.org", "max@example.org").GetAwaiter().GetResult().AssertSuccess();
        using var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath);
        var roster = new LiteRosterRepository(store);
        var max = roster.Find(Bayern, "max@example.org")!;
        max.BounceScore = 5;
        max.LastBounceUtc = new DateTime(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc);
        max.Delivery = DeliveryStatus.ByBounces;
        max.WarningsSent = 2;
        roster.Update(max);
    }

    [Fact]
    public async Task List_prints_member_score_last_bounce_and_status()
    {
        var result = (await _sandbox.RunAsync("bounces", "list", Bayern)).AssertSuccess();

        Assert.Equal(["erika@example.org\t0.0\t-\tenabled", "max@example.org\t5.0\t2026-11-20T08:30:00Z\tby-bounces, 2 warnings"], result.OutLines);
    }

    [Fact]
    public async Task Reset_enables_delivery_and_clears_the_score_and_says_so_in_the_audit_log()
    {
        var result = (await _sandbox.RunAsync("bounces", "reset", "Max@Example.org", "--list", Bayern)).AssertSuccess();

        Assert.Equal([Bayern + "\tmax@example.org"], result.OutLines);
        Assert.Equal("max@example.org\t0.0\t2026-11-20T08:30:00Z\tenabled", (await _sandbox.RunAsync("bounces", "list", Bayern)).OutLines[1]);
        // The set-up's members add is audited too (channel cli); the reset is the last entry.
        Assert.EndsWith("\tcli\tcli\tbounces reset max@example.org\tdelivery enabled", (await _sandbox.RunAsync("audit", Bayern)).OutLines[^1]);
    }

    [Fact]
    public async Task Reset_of_an_address_on_no_list_is_bad_input()
        => Assert.Equal("error: nobody@example.org is not on any list",
            (await _sandbox.RunAsync("bounces", "reset", "nobody@example.org")).AssertBadInput());

    public void Dispose() => _sandbox.Dispose();
}
