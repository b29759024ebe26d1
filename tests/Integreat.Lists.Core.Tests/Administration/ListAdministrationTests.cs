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

    [Theory]
    [InlineData("bayern-owner@lists.integreat.example", "the owner address of list " + Bayern)]
    [InlineData("Bayern-Request@lists.integreat.example", "the request address of list " + Bayern)]
    [InlineData("bayern-bounces@lists.integreat.example", "the bounces address of list " + Bayern)]
    [InlineData("bayern-join@lists.integreat.example", "the join address of list " + Bayern)]
    [InlineData("bayern-leave@lists.integreat.example", "the leave address of list " + Bayern)]
    [InlineData("bayern-confirm@lists.integreat.example", "the confirm address of list " + Bayern)]
    [InlineData("bayern-bounces+x=example.org@lists.integreat.example", "the bounces address of list " + Bayern)]
    public void CreateList_refuses_an_address_of_an_existing_list(string address, string named)
    {
        _admin.CreateList(Bayern, null);

        var error = Assert.Throws<AdministrationException>(() => _admin.CreateList(address, null));

        Assert.Contains(named, error.Message);
        Assert.Equal([Bayern], _lists.All().Select(l => l.Address));
    }

    [Theory]
    [InlineData("-owner")]
    [InlineData("-request")]
    [InlineData("-bounces")]
    [InlineData("-join")]
    [InlineData("-leave")]
    [InlineData("-confirm")]
    public void CreateList_refuses_a_list_whose_subaddress_is_an_existing_list(string suffix)
    {
        var existing = $"bayern{suffix}@lists.integreat.example";
        _admin.CreateList(existing, null);

        var error = Assert.Throws<AdministrationException>(() => _admin.CreateList(Bayern, null));

        Assert.Contains($"list {existing} exists", error.Message);
        Assert.Null(_lists.Find(Bayern));
    }

    [Fact]
    public void CreateList_allows_a_similar_name_on_another_domain_or_with_another_suffix()
    {
        _admin.CreateList(Bayern, null);

        _admin.CreateList("bayern-owner@lists.other.example", null);
        _admin.CreateList("bayern-news@lists.integreat.example", null);
        _admin.CreateList("oberbayern@lists.integreat.example", null);

        Assert.Equal(4, _lists.All().Count);
    }

    [Theory]
    [InlineData(Bayern)]
    [InlineData("BAYERN@lists.integreat.example")]
    [InlineData("bayern-bounces@lists.integreat.example")]
    [InlineData("bayern-bounces+erika=example.org@lists.integreat.example")]
    [InlineData("bayern-request@lists.integreat.example")]
    [InlineData("hessen-owner@lists.integreat.example")]
    [InlineData("hessen@lists.integreat.example")]
    [InlineData("hessen-confirm+token@lists.integreat.example")]
    public void AddMembers_refuses_any_list_address_and_adds_none(string address)
    {
        _admin.CreateList(Bayern, null);
        _admin.CreateList("hessen@lists.integreat.example", null);

        var error = Assert.Throws<AdministrationException>(() => _admin.AddMembers(Bayern, ["erika@example.org", address], null, MemberRole.Member));

        Assert.Contains("a list address cannot be a member", error.Message);
        Assert.Empty(_roster.Roster(Bayern));
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
