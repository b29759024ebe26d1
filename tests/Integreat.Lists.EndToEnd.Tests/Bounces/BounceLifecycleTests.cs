using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Bounces;

/// <summary>Bounce processing end to end over real SMTP, on the default settings and an injected clock: a member's
/// mailbox answers 550, VERP bounces come back, the score rises once a day, the probe bounces, delivery is disabled,
/// three warnings go out seven days apart, and the member is removed with an owner notice and an audit entry.</summary>
public sealed class BounceLifecycleTests : IAsyncLifetime
{
    const string Dead = "dead@example.net";
    const string Owner = "chefin@landkreis.de";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    static readonly string[] Healthy = ["erika@example.org", "max@example.net"];
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    DeadMailbox _mailbox = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, services: s => s.AddSingleton<TimeProvider>(_clock));
        _daemon.AddMembers([.. Healthy, Dead]);
        _daemon.AddMembers([Owner], MemberRole.Owner);
        _mailbox = new DeadMailbox(Dead, _smarthost, _daemon);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    Member DeadMember => _daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, Dead)!;

    /// <summary>Posts, waits for the dead mailbox's copy and bounces it.</summary>
    async Task<IReadOnlyList<string>> PostAndBounceAsync(int copy)
    {
        await _daemon.PostAsync(Messages.Post("erika@example.org", $"Treffen {copy}"), "erika@example.org", TestDaemon.Bayern);
        return await _mailbox.BounceAsync(await _mailbox.WaitForAsync(copy));
    }

    async Task<MimeMessage> AdvanceAndWaitForAsync(TimeSpan by, string recipient, int count)
    {
        _clock.Advance(by);
        _daemon.Get<BounceRunner>().RunMaintenance();
        await _smarthost.WaitForAsync(h => h.Messages.Count(m => m.Recipients.Contains(recipient)) >= count, Timeout);
        return _smarthost.Messages.Where(m => m.Recipients.Contains(recipient)).ElementAt(count - 1).ToMimeMessage();
    }

    [Fact]
    public async Task ADeadMailboxIsScoredProbedDisabledWarnedThreeTimesAndRemoved()
    {
        for (var day = 1; day <= 4; day++)
        {
            Assert.Equal([Dead], await PostAndBounceAsync(day));
            Assert.Equal(day, DeadMember.BounceScore);
            _clock.Advance(TimeSpan.FromDays(1));
        }
        Assert.Equal([Dead], await PostAndBounceAsync(5));
        Assert.Equal(5.0, DeadMember.BounceScore);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, DeadMember.ProbeSentUtc);

        var probe = await _mailbox.WaitForAsync(6);
        Assert.Equal("bayern-bounces+dead=example.net@lists.integreat.example", probe.Sender);
        Assert.StartsWith("Testnachricht / Test message", probe.ToMimeMessage().Subject);
        Assert.Equal([Dead], await _mailbox.BounceAsync(probe));
        Assert.Equal(DeliveryStatus.ByBounces, DeadMember.Delivery);

        var first = (await _mailbox.WaitForAsync(7)).ToMimeMessage();
        AssertWarning(first, 1, removal: "27.11.2026");

        var before = _smarthost.Messages.Count;
        await _daemon.PostAsync(Messages.Post("erika@example.org", "Nach der Sperre"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForAsync(h => h.Messages.Count >= before + 3, Timeout);
        Assert.Equal([Owner, .. Healthy], _smarthost.Messages.Skip(before).SelectMany(m => m.Recipients).Order());

        AssertWarning(await AdvanceAndWaitForAsync(TimeSpan.FromDays(7), Dead, 8), 2, removal: "27.11.2026");
        AssertWarning(await AdvanceAndWaitForAsync(TimeSpan.FromDays(7), Dead, 9), 3, removal: "27.11.2026");
        Assert.Equal(9, _mailbox.Received.Count);

        var toOwner = _smarthost.Messages.Count(m => m.Recipients.Contains(Owner));
        var notice = await AdvanceAndWaitForAsync(TimeSpan.FromDays(7), Owner, toOwner + 1);
        Assert.Equal("Mitglied entfernt / Member removed: " + Dead, notice.Subject);
        Assert.Contains("3 Hinweise an die Adresse blieben ohne Antwort", notice.TextBody);
        Assert.Null(_daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, Dead));
        var audit = _daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern).Select(e => (e.Channel, e.Command, e.Result)).ToList();
        Assert.Equal([("bounces", "disable " + Dead, "delivery disabled by bounces"), ("bounces", "remove " + Dead, "removed after 3 unanswered warnings")], audit);
        Assert.Equal(9, _mailbox.Received.Count);
    }

    static void AssertWarning(MimeMessage warning, int number, string removal)
    {
        Assert.StartsWith(BounceNotices.EnableWords + ": Zustellung ausgesetzt", warning.Subject);
        Assert.Equal("bayern-request@lists.integreat.example", Assert.Single(warning.ReplyTo.Mailboxes).Address);
        Assert.Equal("auto-replied", warning.Headers["Auto-Submitted"]);
        var text = warning.TextBody ?? "";
        Assert.True(text.IndexOf("Guten Tag", StringComparison.Ordinal) < text.IndexOf("Hello", StringComparison.Ordinal), "German first");
        Assert.Contains($"am {removal} aus der Liste entfernt. Dies ist Hinweis {number} von 3.", text);
        Assert.Contains("schicken Sie das Wort „aktivieren“ an bayern-request@lists.integreat.example", text);
    }

    [Fact]
    public async Task AReplyToTheWarningEnablesDeliveryAgain()
    {
        var member = DeadMember;
        BounceScoring.Disable(member, DeliveryStatus.ByBounces, _clock.GetUtcNow().UtcDateTime);
        _daemon.Get<IRosterRepository>().Update(member);
        var warning = await AdvanceAndWaitForAsync(TimeSpan.FromMinutes(1), Dead, 1);

        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(Dead));
        reply.To.Add(MailboxAddress.Parse("bayern-request@lists.integreat.example"));
        reply.Subject = "AW: " + warning.Subject;
        reply.Body = new TextPart("plain") { Text = "Bitte wieder einschalten.\r\n\r\n> " + (warning.TextBody ?? "").Split('\n')[0] + "\r\n" };
        await _daemon.PostAsync(reply, Dead, "bayern-request@lists.integreat.example");

        var answer = await AdvanceAndWaitForAsync(TimeSpan.Zero, Dead, 2);
        Assert.Contains("Die Zustellung an Ihre Adresse ist wieder eingeschaltet.", answer.TextBody);
        Assert.Equal((DeliveryStatus.Enabled, 0.0, 0), (DeadMember.Delivery, DeadMember.BounceScore, DeadMember.WarningsSent));
    }

    [Fact]
    public async Task AProbeThatDoesNotBounceWithinTheWaitResetsTheScore()
    {
        for (var day = 1; day <= 5; day++)
        {
            await PostAndBounceAsync(day);
            if (day < 5) _clock.Advance(TimeSpan.FromDays(1));
        }
        await _mailbox.WaitForAsync(6);
        Assert.NotNull(DeadMember.ProbeSentUtc);

        _clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        _daemon.Get<BounceRunner>().RunMaintenance();
        Assert.Equal(5.0, DeadMember.BounceScore);
        _clock.Advance(TimeSpan.FromMinutes(1));
        _daemon.Get<BounceRunner>().RunMaintenance();

        Assert.Equal((0.0, (DateTime?)null, DeliveryStatus.Enabled), (DeadMember.BounceScore, DeadMember.ProbeSentUtc, DeadMember.Delivery));
        Assert.Equal(6, _mailbox.Received.Count);
    }

    [Fact]
    public async Task ADmarcRejectionIsRecordedButNotScored()
    {
        await _daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        await _mailbox.BounceAsync(await _mailbox.WaitForAsync(1), "5.7.1", "550 5.7.1 Message rejected due to DMARC policy");

        Assert.Equal(0.0, DeadMember.BounceScore);
        var recorded = Assert.Single(_daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));
        Assert.Equal(("policy", Dead, "5.7.1"), (recorded.Kind, recorded.Address, recorded.Dsn));
    }

    [Fact]
    public async Task MailToTheBouncesAddressThatIsNoReportGoesToTheOwners()
    {
        var toOwner = _smarthost.Messages.Count(m => m.Recipients.Contains(Owner));
        var mail = Messages.Post("buergermeister@kommune.de", "Frage zur Liste", "Guten Tag, wie kann ich mich anmelden?\r\n");

        await _daemon.PostAsync(mail, "buergermeister@kommune.de", "bayern-bounces@lists.integreat.example");

        await _smarthost.WaitForAsync(h => h.Messages.Count(m => m.Recipients.Contains(Owner)) > toOwner, Timeout);
        var forwarded = _smarthost.Messages.Last(m => m.Recipients.Contains(Owner));
        Assert.Equal("Frage zur Liste", forwarded.ToMimeMessage().Subject);
        Assert.Equal("bayern-bounces@lists.integreat.example", forwarded.ToMimeMessage().Headers["X-BeenThere"]);
        Assert.DoesNotContain(_smarthost.DeliveredTo, r => r == "buergermeister@kommune.de");
    }

    [Fact]
    public async Task OurOwnDelivery5xxFeedsTheSameScore()
    {
        _smarthost.ScriptAlways(Dead, "550 5.1.1 no such user");
        var finished = _daemon.WaitForAttemptAsync((_, done) => done, Timeout);

        await _daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await finished;
        _daemon.Get<BounceRunner>().RunMaintenance();

        Assert.Equal(1.0, DeadMember.BounceScore);
        Assert.All(_daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern), e => Assert.True(e.Scored));
    }

    [Fact]
    public async Task AMemberWhoseAddressIsTooLongForVerpIsFoundByTheShortToken()
    {
        const string longAddress = "sachbearbeitung.integrationsbeauftragte.landratsamt@kreisverwaltung-beispiel.de";
        _daemon.AddMembers([longAddress]);
        var mailbox = new DeadMailbox(longAddress, _smarthost, _daemon);

        await _daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        var copy = await mailbox.WaitForAsync(1);
        var scored = await mailbox.BounceAsync(copy, finalRecipient: "weitergeleitet@anderswo.example");

        Assert.StartsWith("bayern-bounces+t-", copy.Sender);
        Assert.True(copy.Sender.IndexOf('@') <= 64, copy.Sender);
        Assert.Equal([longAddress], scored);
        Assert.Equal(1.0, _daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, longAddress)!.BounceScore);
    }
}
