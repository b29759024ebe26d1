using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using static Integreat.Lists.EndToEnd.Tests.Commands.CommandExchange;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary><c>set moderated</c>, <c>add|remove owner|moderator</c> (and the German words) through the owner's
/// confirmation; moderators as admins only where the list allows it, and never for roles.</summary>
public sealed class AdminRoleCommandTests : IAsyncLifetime
{
    const string Moderator = "moderator@kommune.de";
    CommandExchange _mail = null!;

    public async Task InitializeAsync() => _mail = await StartAsync();

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    void SetModeratorsAreAdmins(bool on)
    {
        var lists = _mail.Daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.ModeratorsAreAdmins = on;
        lists.Update(list);
    }

    [Fact]
    public async Task SetModeratedInBothLanguagesIsStoredAndShownInWho()
    {
        var done = await _mail.ConfirmedAsync(Owner, "set moderated erika@example.org on\nsetzen moderiert niemand@example.org an\n",
            afterRequest: 2, afterConfirm: 3);

        Assert.True(_mail.Find("erika@example.org")!.Moderated);
        var results = Results(done, Owner);
        Assert.Contains("set moderated erika@example.org on: Beiträge werden jetzt zurückgehalten", results);
        Assert.Contains("setzen moderiert niemand@example.org an: is not a member", results);
        var who = Results(await _mail.ExchangeAsync(Owner, CommandMailTests.Request, "who", 4), Owner);
        Assert.Contains("  erika@example.org (moderated)", who);
        Assert.Contains($"  {Owner} (owner)", who);

        await _mail.ConfirmedAsync(Owner, "setze moderiert erika@example.org aus\n", afterRequest: 6, afterConfirm: 7);
        Assert.False(_mail.Find("erika@example.org")!.Moderated);
    }

    [Fact]
    public async Task ABadSetLineSaysHowToWriteIt()
    {
        var sent = await _mail.ExchangeAsync(Owner, CommandMailTests.Request, "set moderated erika@example.org vielleicht\n", 1);

        Assert.Contains("Please write: set moderated ADDRESS on|off", Results(sent, Owner));
    }

    [Fact]
    public async Task OwnersAddAndRemoveOwnersAndModeratorsButNeverTheLastOwner()
    {
        var done = await _mail.ConfirmedAsync(Owner,
            "add owner zweite@kommune.de\nhinzufügen moderator erika@example.org\nentfernen besitzer chefin@kommune.de\nremove owner niemand@example.org\n",
            afterRequest: 2, afterConfirm: 5);

        Assert.Equal(MemberRole.Owner, _mail.Find("zweite@kommune.de")!.Role);
        Assert.Equal(MemberRole.Moderator, _mail.Find("erika@example.org")!.Role);
        Assert.Equal(MemberRole.Member, _mail.Find(Owner)!.Role);
        Assert.Contains(done, m => m.Recipients.SequenceEqual(["zweite@kommune.de"]) && m.ToMimeMessage().Subject!.StartsWith("Willkommen", StringComparison.Ordinal));
        var results = Results(done, Owner);
        Assert.Contains("add owner zweite@kommune.de: added as owner", results);
        Assert.Contains("remove owner niemand@example.org: was not owner", results);

        var last = await _mail.ConfirmedAsync("zweite@kommune.de", "remove owner zweite@kommune.de\nremove zweite@kommune.de\n",
            afterRequest: 7, afterConfirm: 8);
        Assert.Equal(MemberRole.Owner, _mail.Find("zweite@kommune.de")!.Role);
        Assert.Contains("remove zweite@kommune.de: is the list's only owner", Results(last, "zweite@kommune.de"));
        Assert.Equal(4, _mail.Daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern).Count(a => a.Actor == Owner));
    }

    [Fact]
    public async Task TheOtherOwnersHearOfEveryRosterChangeAnAdminMakes()
    {
        _mail.Daemon.AddMembers(["zweite@kommune.de"], MemberRole.Owner);

        var done = await _mail.ConfirmedAsync(Owner, "add neu@example.org\nadd erika@example.org\nset moderated erika@example.org off\n",
            afterRequest: 2, afterConfirm: 5);

        var notice = done.Single(m => m.Recipients.SequenceEqual(["zweite@kommune.de"])).ToMimeMessage();
        Assert.StartsWith("Änderungen an der Liste", notice.Subject);
        Assert.Contains($"{Owner} hat per E-Mail die Mitglieder der Liste", notice.TextBody);
        Assert.Contains("  add neu@example.org: added", notice.TextBody);
        Assert.DoesNotContain("erika@example.org", notice.TextBody);
        Assert.DoesNotContain(done, m => m.Recipients.Contains(Owner) && m.ToMimeMessage().Subject!.StartsWith("Änderungen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModeratorsAreAdminsOnlyWhereTheListSaysSoAndNeverChangeRoles()
    {
        _mail.Daemon.AddMembers([Moderator], MemberRole.Moderator);

        var refused = await _mail.ExchangeAsync(Moderator, CommandMailTests.Request, "add neu@example.org\nwho\n", 1);
        Assert.Contains("Only the list owners may use this command", Results(refused, Moderator));
        Assert.Contains("Only the list owners may see the roster", Results(refused, Moderator));

        SetModeratorsAreAdmins(true);
        var done = await _mail.ConfirmedAsync(Moderator, "add neu@example.org\nadd owner neu@example.org\nremove chefin@kommune.de\n",
            afterRequest: 3, afterConfirm: 6);

        Assert.Equal(MemberRole.Member, _mail.Find("neu@example.org")!.Role);
        Assert.Equal(MemberRole.Owner, _mail.Find(Owner)!.Role);
        var results = Results(done, Moderator);
        Assert.Contains("add neu@example.org: added", results);
        Assert.Contains("add owner neu@example.org: only list owners may change roles", results);
        Assert.Contains("remove chefin@kommune.de: only list owners may change roles", results);
    }
}
