using Integreat.Lists.Core.Model;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Stores;

/// <summary>The owners and moderators of a list come from the store without reading the rest of its roster.</summary>
public sealed class RosterStaffTests : IDisposable
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
}
