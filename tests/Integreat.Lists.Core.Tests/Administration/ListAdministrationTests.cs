using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.Core.Tests.Administration;

public sealed class ListAdministrationTests
{
    const string Bayern = "bayern@lists.integreat.example";
    readonly InMemoryListRepository _lists = new();
    readonly InMemoryRosterRepository _roster = new();
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 29, 12, 0, 0, TimeSpan.Zero));
    readonly ListAdministration _admin;

    public ListAdministrationTests() => _admin = new ListAdministration(_lists, _roster, _time);

    [Fact]
    public void CreateList_normalises_the_address_and_applies_the_defaults()
    {
        var list = _admin.CreateList("Bayern@Lists.Integreat.Example", "Integreat Bayern");

        Assert.Equal(Bayern, list.Address);
        Assert.Equal("Integreat Bayern", list.Name);
        Assert.Equal("[Bayern]", list.SubjectPrefix);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, list.CreatedUtc);
        Assert.Same(list, _lists.Find(Bayern));
    }

    [Theory]
    [InlineData("bayern")]
    [InlineData("bayern@localhost")]
    [InlineData("Bayern <bayern@x.org>")]
    public void CreateList_rejects_an_invalid_address(string address)
    {
        var error = Assert.Throws<AdministrationException>(() => _admin.CreateList(address, null));
        Assert.Equal($"'{address}' is not a valid address", error.Message);
        Assert.Empty(_lists.All());
    }

    [Fact]
    public void CreateList_refuses_an_existing_list()
    {
        _admin.CreateList(Bayern, "First");

        var error = Assert.Throws<AdministrationException>(() => _admin.CreateList(Bayern, "Second"));
        Assert.Equal($"list {Bayern} exists already", error.Message);
        Assert.Equal("First", _lists.Find(Bayern)!.Name);
    }

    [Fact]
    public void ChangeList_changes_only_the_given_settings()
    {
        _admin.CreateList(Bayern, null);

        _admin.ChangeList(Bayern, new ListChanges(ReplyTo: ReplyToPolicy.List));

        var list = _lists.Find(Bayern)!;
        Assert.Equal(ReplyToPolicy.List, list.ReplyTo);
        Assert.Equal("[Bayern]", list.SubjectPrefix);
        Assert.Equal(NonmemberAction.Reject, list.NonmemberAction);
    }

    [Fact]
    public void ChangeList_of_an_unknown_list_names_it()
    {
        var error = Assert.Throws<AdministrationException>(() => _admin.ChangeList("nrw@x.org", new ListChanges(SubjectPrefix: "[NRW]")));
        Assert.Equal("no list nrw@x.org", error.Message);
    }

    [Fact]
    public void ChangeList_without_changes_is_bad_input()
        => Assert.Throws<AdministrationException>(() => _admin.ChangeList(Bayern, new ListChanges()));

    [Fact]
    public void AddMembers_reports_each_address_and_adds_in_one_call()
    {
        _admin.CreateList(Bayern, null);
        _admin.AddMembers(Bayern, ["erika@example.org"], null, MemberRole.Member);

        var result = _admin.AddMembers(Bayern, ["Max@Example.org", "erika@example.org", "max@example.org"], "Max", MemberRole.Owner);

        Assert.Equal([new("max@example.org", true), new("erika@example.org", false), new("max@example.org", false)], result);
        Assert.Equal(2, _roster.AddMissingCalls);
        var max = _roster.Find(Bayern, "max@example.org")!;
        Assert.Equal(MemberRole.Owner, max.Role);
        Assert.Equal("Max", max.DisplayName);
    }

    [Fact]
    public void AddMembers_with_one_invalid_address_adds_none()
    {
        _admin.CreateList(Bayern, null);

        var error = Assert.Throws<AdministrationException>(
            () => _admin.AddMembers(Bayern, ["erika@example.org", "foo"], null, MemberRole.Member));

        Assert.Equal("'foo' is not a valid address", error.Message);
        Assert.Empty(_roster.Roster(Bayern));
        Assert.Equal(0, _roster.AddMissingCalls);
    }

    [Fact]
    public void AddMembers_to_an_unknown_list_is_bad_input()
    {
        var error = Assert.Throws<AdministrationException>(() => _admin.AddMembers(Bayern, ["erika@example.org"], null, MemberRole.Member));
        Assert.Equal($"no list {Bayern}", error.Message);
    }

    [Fact]
    public void RemoveMember_of_a_nonmember_names_both()
    {
        _admin.CreateList(Bayern, null);

        var error = Assert.Throws<AdministrationException>(() => _admin.RemoveMember(Bayern, "Erika@Example.org"));
        Assert.Equal($"erika@example.org is not a member of {Bayern}", error.Message);
    }

    [Fact]
    public void RemoveMember_removes_the_entry()
    {
        _admin.CreateList(Bayern, null);
        _admin.AddMembers(Bayern, ["erika@example.org"], null, MemberRole.Member);

        Assert.Equal("erika@example.org", _admin.RemoveMember(Bayern, "ERIKA@example.org"));
        Assert.Empty(_admin.Roster(Bayern));
    }
}
