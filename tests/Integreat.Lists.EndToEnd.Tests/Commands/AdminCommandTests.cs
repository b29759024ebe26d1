using System.Text.RegularExpressions;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>Owners' <c>add</c>/<c>remove</c> by mail run only after the owner's registered address confirms; a
/// forged owner From: changes nothing and the real owner hears of it; added members are welcomed.</summary>
public sealed partial class AdminCommandTests : IAsyncLifetime
{
    const string Owner = "chefin@kommune.de";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    CommandProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _probe = new CommandProbe(_daemon.Get<CommandProcessor>());
        _daemon.AddMembers([Owner], MemberRole.Owner);
        _daemon.AddMembers(["erika@example.org"]);
    }

    public async Task DisposeAsync()
    {
        _probe.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    async Task<IReadOnlyList<CapturedMessage>> ExchangeAsync(string from, string envelopeSender, string to, string body, int total)
    {
        var processed = _probe.Done.Count;
        await _daemon.PostAsync(CommandMailTests.Mail(from, to, "", body), envelopeSender, to);
        await _probe.WaitAsync(processed + 1, Timeout);
        await _smarthost.WaitForAsync(h => h.Messages.Count >= total, Timeout);
        return _smarthost.Messages;
    }

    IReadOnlyList<string> Roster() => _daemon.Get<IRosterRepository>().Roster(TestDaemon.Bayern).Select(m => m.Address).ToList();

    static CapturedMessage Confirmation(IEnumerable<CapturedMessage> sent)
        => sent.Single(m => (m.ToMimeMessage().Subject ?? "").StartsWith("Befehle bestätigen", StringComparison.Ordinal));

    static string TokenOf(CapturedMessage confirmation)
        => Token().Match(confirmation.ToMimeMessage().ReplyTo.Mailboxes.Single().Address).Groups[1].Value;

    [GeneratedRegex("^bayern-confirm\\+([0-9a-f]{40})@")]
    private static partial Regex Token();

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
        Assert.Equal("Neue Person", _daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, "neu@example.org")!.DisplayName);
        foreach (var member in new[] { "neu@example.org", "zwei@example.net" })
        {
            var welcome = done.Single(m => m.Recipients.Contains(member)).ToMimeMessage();
            Assert.Contains($"{Owner} hat Ihre Adresse {member}", welcome.TextBody);
            Assert.Contains("bayern-leave@lists.integreat.example", welcome.TextBody);
        }
        Assert.Contains("entfernen erika@example.org: entfernt",
            done.Last(m => m.Recipients.Contains(Owner) && m.ToMimeMessage().Subject!.StartsWith("Ergebnisse", StringComparison.Ordinal)).ToMimeMessage().TextBody);
        Assert.Contains($"{Owner} hat Ihre Adresse erika@example.org von der Liste", done.Single(m => m.Recipients.Contains("erika@example.org")).ToMimeMessage().TextBody);
        var audit = _daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern);
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
        Assert.Empty(_daemon.Get<IPendingRequestStore>().Approvals(TestDaemon.Bayern));
        Assert.Empty(_daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern));
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
