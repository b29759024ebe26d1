using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using static Integreat.Lists.EndToEnd.Tests.Commands.CommandExchange;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>Owners' <c>add</c>/<c>remove</c> by mail run only after the owner's registered address confirms; a
/// forged owner From: changes nothing and the real owner hears of it; added members are welcomed.</summary>
public sealed class AdminCommandTests : IAsyncLifetime
{
    CommandExchange _mail = null!;

    public async Task InitializeAsync() => _mail = await StartAsync();

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    Task<IReadOnlyList<CapturedMessage>> ExchangeAsync(string from, string envelopeSender, string to, string body, int total)
        => _mail.SendAsync(CommandMailTests.Mail(from, to, "", body), envelopeSender, to, total);

    IReadOnlyList<string> Roster() => _mail.Roster().Select(m => m.Address).ToList();

    [Fact]
    public async Task AnOwnersCommandsRunOnlyAfterTheRegisteredAddressConfirmsAndNewMembersAreWelcomed()
    {
        const string body = "add neu@example.org Neue Person\nhinzufügen zwei@example.net\nentfernen erika@example.org\nadd kaputt\n";

        var sent = await ExchangeAsync(Owner, Owner, CommandMailTests.Request, body, total: 2);

        Assert.All(sent, m => Assert.Equal([Owner], m.Recipients));
        var confirmation = Confirmation(sent);
        var text = confirmation.ToMimeMessage().TextBody!;
        Assert.Contains("  add neu@example.org Neue Person", text);
        Assert.Contains("  entfernen erika@example.org", text);
        Assert.DoesNotContain("kaputt", text);
        var results = sent.Single(m => m != confirmation).ToMimeMessage().TextBody!;
        Assert.Contains("Wartet auf Ihre Bestätigung", results);
        Assert.Contains("gültige Adresse", results);
        Assert.Equal([Owner, "erika@example.org"], Roster().Order());

        var done = await ExchangeAsync(Owner, Owner, $"bayern-confirm+{TokenOf(confirmation)}@lists.integreat.example",
            "Ja, das war ich.\n> Guten Tag", total: 6);

        Assert.Equal([Owner, "neu@example.org", "zwei@example.net"], Roster().Order());
        Assert.Equal("Neue Person", _mail.Daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, "neu@example.org")!.DisplayName);
        foreach (var member in new[] { "neu@example.org", "zwei@example.net" })
        {
            var welcome = done.Single(m => m.Recipients.Contains(member)).ToMimeMessage();
            Assert.Contains($"{Owner} hat Ihre Adresse {member}", welcome.TextBody);
            Assert.Contains("bayern-leave@lists.integreat.example", welcome.TextBody);
        }
        Assert.Contains("entfernen erika@example.org: entfernt",
            done.Last(m => m.Recipients.Contains(Owner) && m.ToMimeMessage().Subject!.StartsWith("Ergebnisse", StringComparison.Ordinal)).ToMimeMessage().TextBody);
        Assert.Contains($"{Owner} hat Ihre Adresse erika@example.org von der Liste", done.Single(m => m.Recipients.Contains("erika@example.org")).ToMimeMessage().TextBody);
        var audit = _mail.Daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern);
        Assert.Equal(
        [
            ("mail", Owner, "add neu@example.org Neue Person", "added"),
            ("mail", Owner, "hinzufügen zwei@example.net", "added"),
            ("mail", Owner, "entfernen erika@example.org", "removed"),
        ], audit.Select(a => (a.Channel, a.Actor, a.Command, a.Result)));
    }

    [Fact]
    public async Task AForgedOwnerFromChangesNothingAndTheOwnerIsToldOfTheAttempt()
    {
        var sent = await ExchangeAsync($"Chefin <{Owner}>", "attacker@evil.example", CommandMailTests.Request,
            "add spam@evil.example\nremove erika@example.org\nwho\n", total: 2);

        Assert.All(sent, m => Assert.Equal([Owner], m.Recipients));
        Assert.DoesNotContain(sent, m => m.Recipients.Contains("attacker@evil.example"));
        Assert.Contains("gefälscht", Confirmation(sent).ToMimeMessage().TextBody);
        Assert.Equal([Owner, "erika@example.org"], Roster().Order());
        Assert.Empty(_mail.Daemon.Get<IPendingRequestStore>().Approvals(TestDaemon.Bayern));
        Assert.Empty(_mail.Daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern));
    }

    [Fact]
    public async Task AMemberCannotUseAdminCommands()
    {
        var sent = await ExchangeAsync("erika@example.org", "erika@example.org", CommandMailTests.Request, "add spam@evil.example\n", total: 1);

        Assert.Contains("Only the list owners may use this command", Assert.Single(sent).ToMimeMessage().TextBody);
        Assert.Equal([Owner, "erika@example.org"], Roster().Order());
    }

    [Fact]
    public async Task AnAdminConfirmationIsSingleUse()
    {
        var confirmation = Confirmation(await ExchangeAsync(Owner, Owner, CommandMailTests.Request, "add neu@example.org\n", total: 2));
        var address = $"bayern-confirm+{TokenOf(confirmation)}@lists.integreat.example";
        await ExchangeAsync(Owner, Owner, address, "", total: 4);
        // A second request in between, so the replayed token meets a fresh pending admin request of the same owner.
        await ExchangeAsync(Owner, Owner, CommandMailTests.Request, "remove neu@example.org\n", total: 6);

        var replay = await ExchangeAsync(Owner, Owner, address, "", total: 7);

        Assert.Contains("unknown, has expired or was used already", replay[^1].ToMimeMessage().TextBody);
        Assert.Contains("neu@example.org", Roster());
    }
}
