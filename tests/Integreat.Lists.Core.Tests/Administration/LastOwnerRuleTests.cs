using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.Core.Tests.Administration;

/// <summary>The last owner of a list stays, whether the roster is changed through <see cref="ListAdministration"/>
/// (CLI, API, web remove) or <see cref="MemberFlags"/> (web role change); with a second owner both work.</summary>
public sealed class LastOwnerRuleTests
{
    const string Bayern = "bayern@lists.integreat.example";
    const string Chefin = "chefin@example.org";
    const string Refusal = Chefin + " is the list's only owner; please add another owner first";
    readonly InMemoryListRepository _lists = new();
    readonly InMemoryRosterRepository _roster = new();
    readonly InMemoryAuditLog _audit = new();
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 29, 12, 0, 0, TimeSpan.Zero));
    readonly ListAdministration _admin;
    readonly MemberFlags _flags;

    public LastOwnerRuleTests()
    {
        _admin = new ListAdministration(_lists, _roster, _time, _audit);
        _flags = new MemberFlags(_roster, _audit, _time);
        _admin.CreateList(Bayern, null);
        _admin.AddMembers(Bayern, [Chefin], null, MemberRole.Owner);
        _admin.AddMembers(Bayern, ["erika@example.org"], null, MemberRole.Member);
        _audit.Entries.Clear();
    }

    MemberRole? RoleOf(string address) => _roster.Find(Bayern, address)?.Role;

    [Fact]
    public void Removing_the_last_owner_is_refused_in_English_and_German_and_changes_and_audits_nothing()
    {
        var error = Assert.Throws<AdministrationException>(() => _admin.RemoveMember(Bayern, "Chefin@Example.org"));

        Assert.Equal(Refusal, error.Message);
        Assert.Equal(Chefin + " ist die einzige verantwortliche Adresse der Liste. Bitte tragen Sie zuerst eine weitere Adresse mit der Rolle „Verantwortlich“ ein.",
            error.German);
        Assert.Equal(MemberRole.Owner, RoleOf(Chefin));
        Assert.Empty(_audit.Entries);
    }

    [Theory]
    [InlineData(MemberRole.Member)]
    [InlineData(MemberRole.Moderator)]
    public void Taking_the_owner_role_from_the_last_owner_is_refused_and_changes_and_audits_nothing(MemberRole role)
    {
        var error = Assert.Throws<AdministrationException>(() => _flags.SetRole(Bayern, Chefin, role, "admin@example.org", "web"));

        Assert.Equal(Refusal, error.Message);
        Assert.NotNull(error.German);
        Assert.Equal(MemberRole.Owner, RoleOf(Chefin));
        Assert.Empty(_audit.Entries);
    }

    [Fact]
    public void The_last_owner_may_be_made_owner_again_and_members_are_removed_as_before()
    {
        _flags.SetRole(Bayern, Chefin, MemberRole.Owner, "admin@example.org", "web");
        _admin.RemoveMember(Bayern, "erika@example.org");

        Assert.Equal(MemberRole.Owner, RoleOf(Chefin));
        Assert.Null(RoleOf("erika@example.org"));
        Assert.Equal(["set role chefin@example.org owner", "members remove erika@example.org"], _audit.Entries.Select(e => e.Command));
    }

    [Fact]
    public void With_a_second_owner_an_owner_is_demoted_and_then_the_other_removed_until_one_is_left()
    {
        _admin.AddMembers(Bayern, ["zweite@example.org"], null, MemberRole.Owner);

        _flags.SetRole(Bayern, Chefin, MemberRole.Member, "admin@example.org", "web");
        Assert.Equal(MemberRole.Member, RoleOf(Chefin));
        Assert.Throws<AdministrationException>(() => _admin.RemoveMember(Bayern, "zweite@example.org"));

        _flags.SetRole(Bayern, Chefin, MemberRole.Owner, "admin@example.org", "web");
        Assert.Equal("zweite@example.org", _admin.RemoveMember(Bayern, "zweite@example.org"));

        Assert.Null(RoleOf("zweite@example.org"));
        Assert.Equal(MemberRole.Owner, RoleOf(Chefin));
    }

    [Fact]
    public void A_moderator_or_member_is_never_the_last_owner()
    {
        _admin.AddMembers(Bayern, ["mod@example.org"], null, MemberRole.Moderator);

        Assert.False(LastOwnerRule.Applies(_roster, _roster.Find(Bayern, "mod@example.org")!));
        Assert.False(LastOwnerRule.Applies(_roster, _roster.Find(Bayern, "erika@example.org")!));
        Assert.True(LastOwnerRule.Applies(_roster, _roster.Find(Bayern, Chefin)!));
    }
}
