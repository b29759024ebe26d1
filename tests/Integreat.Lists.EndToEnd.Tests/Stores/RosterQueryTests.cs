using Integreat.Lists.Core.Model;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Stores;

/// <summary>The roster queries that must not read more of the store than they need: the owners and moderators
/// without the rest of the roster, a large roster in pages.</summary>
public sealed class RosterQueryTests : IDisposable
{
    static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
    readonly string _path = Path.Combine(Path.GetTempPath(), "integreat-staff-" + Guid.NewGuid().ToString("N"), "lists.db");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Fact]
    public void StaffIsTheOwnersAndModeratorsOfThatListOnly()
    {
        using var store = new LiteStore(_path);
        var roster = new LiteRosterRepository(store);
        var members = Enumerable.Range(0, 2000).SelectMany(i => new[]
        {
            Member.Create("bayern@lists.example", $"m{i:D4}@example.org", null, MemberRole.Member, Now),
            Member.Create("hessen@lists.example", $"m{i:D4}@example.org", null, MemberRole.Member, Now),
        }).ToList();
        members.Add(Member.Create("bayern@lists.example", "zora@example.org", null, MemberRole.Owner, Now));
        members.Add(Member.Create("bayern@lists.example", "anna@example.org", null, MemberRole.Moderator, Now));
        members.Add(Member.Create("hessen@lists.example", "hugo@example.org", null, MemberRole.Owner, Now));
        roster.AddMissing(members);

        Assert.Equal(["anna@example.org", "zora@example.org"], roster.Staff("Bayern@Lists.Example").Select(m => m.Address));
        Assert.Equal([MemberRole.Moderator, MemberRole.Owner], roster.Staff("bayern@lists.example").Select(m => m.Role));
        Assert.Equal(["hugo@example.org"], roster.Staff("hessen@lists.example").Select(m => m.Address));
        Assert.Empty(roster.Staff("nrw@lists.example"));
    }

    [Fact]
    public void TheRoleQueryUsesItsIndex()
    {
        using var store = new LiteStore(_path);
        var plan = store.Members.Query().Where(m => m.Role == MemberRole.Owner).GetPlan();
        Assert.Equal("Role", plan["index"]["name"].AsString);
    }

    [Fact]
    public void ARosterReadInPagesIsExactlyThatListsMembersEvenBesideListsWithSimilarKeys()
    {
        using var store = new LiteStore(_path);
        var roster = new LiteRosterRepository(store);
        string[] lists = ["bayern@lists.example", "bayern@lists.example.org", "bäyern@lists.example", "bayern-a@lists.example", "baye@lists.example"];
        var sizes = new[] { 4500, 2001, 300, 2000, 1 };
        for (var l = 0; l < lists.Length; l++)
            roster.AddMissing(Enumerable.Range(0, sizes[l])
                .Select(i => Member.Create(lists[l], $"m{(i * 7919) % sizes[l]:D5}@example.org", null, MemberRole.Member, Now)).ToList());

        for (var l = 0; l < lists.Length; l++)
        {
            var read = roster.Roster(lists[l]);
            Assert.Equal(Enumerable.Range(0, sizes[l]).Select(i => $"m{i:D5}@example.org"), read.Select(m => m.Address));
            Assert.All(read, m => Assert.Equal(lists[l], m.List));
        }
        Assert.Empty(roster.Roster("nrw@lists.example"));
        Assert.Empty(roster.Recipients("nrw@lists.example"));
    }

    [Fact]
    public async Task AReadWhileMembersAreAddedNeverLeavesOutAnEarlierMember()
    {
        using var store = new LiteStore(_path);
        var roster = new LiteRosterRepository(store);
        var earlier = Enumerable.Range(0, 2500).Select(i => $"m{i:D5}@example.org").ToList();
        roster.AddMissing(earlier.Select(a => Member.Create("bayern@lists.example", a, null, MemberRole.Member, Now)).ToList());

        // New keys fall between the earlier ones, so a page count taken before them would cut earlier members off.
        var adding = Task.Run(() =>
        {
            for (var i = 0; i < 2500; i += 5)
                roster.AddMissing([Member.Create("bayern@lists.example", $"m{i:D5}a@example.org", null, MemberRole.Member, Now)]);
        });
        var reads = 0;
        while (!adding.IsCompleted || reads < 3)
        {
            var read = roster.Recipients("bayern@lists.example").ToHashSet();
            Assert.True(earlier.TrueForAll(read.Contains), $"read {reads} left out an earlier member");
            reads++;
        }
        await adding;
        Assert.Equal(3000, roster.Recipients("bayern@lists.example").Count);
    }

    [Fact]
    public void RecipientsAreTheMembersWhoseDeliveryIsEnabledInAddressOrder()
    {
        using var store = new LiteStore(_path);
        var roster = new LiteRosterRepository(store);
        roster.AddMissing(Enumerable.Range(0, 4100).Select(i => Member.Create("bayern@lists.example", $"m{(i * 7919) % 4100:D5}@example.org", null, MemberRole.Member, Now))
            .Append(Member.Create("bayern@lists.example.org", "other@example.org", null, MemberRole.Member, Now)).ToList());
        foreach (var i in new[] { 0, 1999, 2000, 4099 })
        {
            var member = roster.Find("bayern@lists.example", $"m{i:D5}@example.org")!;
            member.Delivery = DeliveryStatus.ByBounces;
            roster.Update(member);
        }

        var expected = Enumerable.Range(0, 4100).Where(i => i is not (0 or 1999 or 2000 or 4099)).Select(i => $"m{i:D5}@example.org");
        Assert.Equal(expected, roster.Recipients("Bayern@Lists.Example"));
    }

    [Fact]
    public void WithBounceStateIsTheMembersWithAScoreAProbeOrDisabledDeliveryFromTheirIndex()
    {
        using var store = new LiteStore(_path);
        var roster = new LiteRosterRepository(store);
        roster.AddMissing(Enumerable.Range(0, 500).SelectMany(i => new[]
        {
            Member.Create("bayern@lists.example", $"m{i:D3}@example.org", null, MemberRole.Member, Now),
            Member.Create("hessen@lists.example", $"m{i:D3}@example.org", null, MemberRole.Member, Now),
        }).ToList());
        Change("bayern@lists.example", "m010@example.org", m => m.BounceScore = 0.5);
        Change("bayern@lists.example", "m020@example.org", m => m.ProbeSentUtc = Now);
        Change("bayern@lists.example", "m030@example.org", m => m.Delivery = DeliveryStatus.ByBounces);
        Change("hessen@lists.example", "m040@example.org", m => m.BounceScore = 1);
        Change("bayern@lists.example", "m050@example.org", m => m.BounceScore = 1);
        Change("bayern@lists.example", "m050@example.org", m => m.BounceScore = 0);

        Assert.Equal(["m010@example.org", "m020@example.org", "m030@example.org"], roster.WithBounceState("bayern@lists.example").Select(m => m.Address));
        Assert.Equal(["m040@example.org"], roster.WithBounceState("hessen@lists.example").Select(m => m.Address));
        Assert.Equal(LiteStore.BounceStateIndex,
            store.Members.Query().Where(LiteDB.Query.EQ(LiteStore.BounceStateExpression, true)).GetPlan()["index"]["name"].AsString);

        void Change(string list, string address, Action<Member> change)
        {
            var member = roster.Find(list, address)!;
            change(member);
            roster.Update(member);
        }
    }
}
