using System.Text.RegularExpressions;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>Command mail over real SMTP: double opt-in join and leave through <c>-request</c>, <c>-join</c>,
/// <c>-leave</c> and <c>-confirm+TOKEN</c>, the subscription policies, expiry on the injected clock, and the limits.</summary>
public sealed partial class CommandMailTests : IAsyncLifetime
{
    internal const string Request = "bayern-request@lists.integreat.example";
    internal const string Join = "bayern-join@lists.integreat.example";
    internal const string Leave = "bayern-leave@lists.integreat.example";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    CommandProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, services: s => s.AddSingleton<TimeProvider>(_clock));
        _probe = new CommandProbe(_daemon.Get<CommandProcessor>());
    }

    public async Task DisposeAsync()
    {
        _probe.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    void SetPolicy(SubscriptionPolicy policy)
    {
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.SubscriptionPolicy = policy;
        lists.Update(list);
    }

    internal static MimeMessage Mail(string from, string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.org");
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    async Task SendAsync(string from, string to, string subject = "", string body = "")
        => Assert.StartsWith("2.0.0", await _daemon.PostAsync(Mail(from, to, subject, body), MailboxAddress.Parse(from).Address, to));

    /// <summary>Sends, waits until the daemon processed it and the smarthost holds <paramref name="total"/> messages.</summary>
    async Task<IReadOnlyList<CapturedMessage>> ExchangeAsync(string from, string to, string subject, string body, int total)
    {
        var processed = _probe.Done.Count;
        await SendAsync(from, to, subject, body);
        await _probe.WaitAsync(processed + 1, Timeout);
        await _smarthost.WaitForAsync(h => h.Messages.Count >= total, Timeout);
        return _smarthost.Messages;
    }

    /// <summary>The latest message to <paramref name="recipient"/> whose Subject contains <paramref name="subjectPart"/>.</summary>
    static CapturedMessage To(IEnumerable<CapturedMessage> messages, string recipient, string subjectPart)
        => messages.Last(m => m.Recipients.Contains(recipient) && (m.ToMimeMessage().Subject ?? "").Contains(subjectPart));

    static string TokenOf(CapturedMessage confirmation)
    {
        var replyTo = confirmation.ToMimeMessage().ReplyTo.Mailboxes.Single().Address;
        return ConfirmAddress().Match(replyTo).Groups[1].Value;
    }

    bool IsMember(string address) => _daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, address) is not null;

    [GeneratedRegex("^bayern-confirm\\+([0-9a-f]{40})@lists\\.integreat\\.example$")]
    private static partial Regex ConfirmAddress();

    [Fact]
    public async Task JoinByRequestThenAPlainReplyToTheConfirmationMakesAMember()
    {
        SetPolicy(SubscriptionPolicy.Open);

        var sent = await ExchangeAsync("neu@example.org", Request, "", "abonnieren\n-- \nNeu", total: 2);

        var results = To(sent, "neu@example.org", "Ergebnisse");
        var confirmation = To(sent, "neu@example.org", "confirm");
        foreach (var mail in new[] { results, confirmation })
        {
            Assert.Equal("bayern-bounces@lists.integreat.example", mail.Sender);
            var message = mail.ToMimeMessage();
            Assert.Equal(Request, message.From.Mailboxes.Single().Address);
            Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
            var text = message.TextBody!;
            Assert.True(text.IndexOf("Guten Tag", StringComparison.Ordinal) < text.IndexOf("Hello", StringComparison.Ordinal));
        }
        Assert.Contains("> abonnieren", results.ToMimeMessage().TextBody);
        Assert.Contains("Bestätigungsanfrage wurde an neu@example.org geschickt", results.ToMimeMessage().TextBody);
        var token = TokenOf(confirmation);
        var confirmText = confirmation.ToMimeMessage().TextBody!;
        Assert.Contains($"bayern-confirm+{token}@lists.integreat.example", confirmText);
        Assert.Contains("antworten", confirmText);
        Assert.False(IsMember("neu@example.org"));

        // A plain reply: to the Reply-To address, quoting the request.
        var reply = await ExchangeAsync("neu@example.org", $"bayern-confirm+{token}@lists.integreat.example",
            "Re: " + confirmation.ToMimeMessage().Subject, "Ja.\n\n> Guten Tag,\n", total: 4);

        Assert.True(IsMember("neu@example.org"));
        Assert.Contains("ist jetzt Mitglied", To(reply, "neu@example.org", "Ergebnisse").ToMimeMessage().TextBody);
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Shunt));
    }

    [Fact]
    public async Task TheJoinAddressAnswersWithTheConfirmationAloneAndConfirmTokenToRequestWorks()
    {
        SetPolicy(SubscriptionPolicy.Open);

        var sent = await ExchangeAsync("Neu <Neu@Example.org>", Join, "bitte aufnehmen", "egal", total: 1);

        var confirmation = Assert.Single(sent);
        Assert.Equal(["neu@example.org"], confirmation.Recipients);
        var token = TokenOf(confirmation);
        await ExchangeAsync("neu@example.org", Request, "", $"bestätigen {token.ToUpperInvariant()}\n", total: 3);
        Assert.True(IsMember("neu@example.org"));
    }

    [Fact]
    public async Task TheLeaveAddressSendsAConfirmationToTheMemberAndAReplyRemovesThem()
    {
        _daemon.AddMembers(["erika@example.org"]);

        var confirmation = Assert.Single(await ExchangeAsync("erika@example.org", Leave, "", "", total: 1));

        Assert.Equal(["erika@example.org"], confirmation.Recipients);
        Assert.Contains("Abmeldung", confirmation.ToMimeMessage().TextBody);
        Assert.True(IsMember("erika@example.org"));
        var token = TokenOf(confirmation);
        await ExchangeAsync("erika@example.org", $"bayern-confirm+{token}@lists.integreat.example", "Re: x", "", total: 3);
        Assert.False(IsMember("erika@example.org"));
    }

    [Fact]
    public async Task LeaveByRequestWithEnglishAliasesAndATokenIsSingleUse()
    {
        _daemon.AddMembers(["erika@example.org"]);
        var sent = await ExchangeAsync("erika@example.org", Request, "Re: unsubscribe", "", total: 2);
        var token = TokenOf(To(sent, "erika@example.org", "confirm"));

        var done = await ExchangeAsync("erika@example.org", Request, "", $"confirm {token}\nconfirm {token}\nend\nhelp", total: 4);

        Assert.False(IsMember("erika@example.org"));
        Assert.Contains("Your address erika@example.org has left the list", To(done, "erika@example.org", "Abgemeldet").ToMimeMessage().TextBody);
        var text = To(done, "erika@example.org", "Ergebnisse").ToMimeMessage().TextBody!;
        Assert.Contains("has left the list", text);
        Assert.Contains("unknown, has expired or was used already", text);
        Assert.DoesNotContain("> help", text);
    }

    [Fact]
    public async Task ModeratedListsWaitForTheOwnersApprovalAfterTheConfirmation()
    {
        _daemon.AddMembers(["chefin@kommune.de"], MemberRole.Owner);
        Assert.Equal(SubscriptionPolicy.Moderate, _daemon.Get<IListRepository>().Find(TestDaemon.Bayern)!.SubscriptionPolicy);
        var token = TokenOf(Assert.Single(await ExchangeAsync("neu@example.org", Join, "", "", total: 1)));

        var sent = await ExchangeAsync("neu@example.org", $"bayern-confirm+{token}@lists.integreat.example", "Re: x", "", total: 3);

        Assert.False(IsMember("neu@example.org"));
        Assert.Contains("wartet jetzt auf die Freigabe", To(sent, "neu@example.org", "Ergebnisse").ToMimeMessage().TextBody);
        var notice = To(sent, "chefin@kommune.de", "Freigabe");
        Assert.Contains("members approve bayern@lists.integreat.example neu@example.org", notice.ToMimeMessage().TextBody);
        Assert.Single(_daemon.Get<IPendingRequestStore>().Approvals(TestDaemon.Bayern));

        Assert.True(_daemon.Get<MembershipWorkflow>().Approve(_daemon.Get<IListRepository>().Find(TestDaemon.Bayern)!, "neu@example.org"));
        Assert.True(IsMember("neu@example.org"));
        Assert.Empty(_daemon.Get<IPendingRequestStore>().Approvals(TestDaemon.Bayern));
    }

    [Fact]
    public async Task TheOwnersHearOfEveryConfirmedJoinAndLeave()
    {
        SetPolicy(SubscriptionPolicy.Open);
        _daemon.AddMembers(["chefin@kommune.de"], MemberRole.Owner);
        var join = TokenOf(Assert.Single(await ExchangeAsync("neu@example.org", Join, "", "", total: 1)));

        var joined = await ExchangeAsync("neu@example.org", $"bayern-confirm+{join}@lists.integreat.example", "Re: x", "", total: 4);

        Assert.Contains("neu@example.org hat sich in die Liste", To(joined, "chefin@kommune.de", "Neues Mitglied").ToMimeMessage().TextBody);
        var welcome = To(joined, "neu@example.org", "Willkommen").ToMimeMessage().TextBody!;
        Assert.Contains("Ihre Adresse neu@example.org ist jetzt Mitglied der Liste „Integreat Bayern“.", welcome);
        Assert.Contains("bayern-leave@lists.integreat.example", welcome);
        var leave = TokenOf(To(await ExchangeAsync("neu@example.org", Leave, "", "", total: 5), "neu@example.org", "confirm"));
        var left = await ExchangeAsync("neu@example.org", $"bayern-confirm+{leave}@lists.integreat.example", "Re: x", "", total: 8);
        Assert.Contains("neu@example.org left the list", To(left, "chefin@kommune.de", "Abmeldung").ToMimeMessage().TextBody);
        Assert.Contains("Ihre Adresse neu@example.org ist von der Liste", To(left, "neu@example.org", "Abgemeldet").ToMimeMessage().TextBody);
        Assert.Equal([("neu@example.org", "join neu@example.org", "added"), ("neu@example.org", "leave neu@example.org", "removed")],
            _daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern).Select(a => (a.Actor, a.Command, a.Result)));
    }

    [Fact]
    public async Task AnHtmlOnlyCommandMailIsReadAsText()
    {
        var message = Mail("erika@example.org", Request, "", "");
        message.Body = new TextPart("html") { Text = "<html><body><div>info</div><div>hilfe</div><p>-- <br>Erika</p></body></html>" };

        await _daemon.PostAsync(message, "erika@example.org", Request);

        await _probe.WaitAsync(1, Timeout);
        await _smarthost.WaitForRecipientsAsync(1, Timeout);
        var text = Assert.Single(_smarthost.Messages).ToMimeMessage().TextBody!;
        Assert.Contains("> info", text);
        Assert.Contains("> hilfe", text);
        Assert.DoesNotContain("> Erika", text);
    }

    [Fact]
    public async Task AClosedListRefusesJoinsAndSendsNoConfirmation()
    {
        SetPolicy(SubscriptionPolicy.Closed);

        var sent = await ExchangeAsync("neu@example.org", Request, "join", "", total: 1);

        Assert.Contains("does not accept subscriptions by e-mail", Assert.Single(sent).ToMimeMessage().TextBody);
        Assert.Empty(_daemon.Get<IPendingRequestStore>().Approvals(TestDaemon.Bayern));
        Assert.False(IsMember("neu@example.org"));
    }

    [Fact]
    public async Task AnExpiredConfirmationIsRefusedOnTheInjectedClock()
    {
        SetPolicy(SubscriptionPolicy.Open);
        var token = TokenOf(Assert.Single(await ExchangeAsync("neu@example.org", Join, "", "", total: 1)));

        _clock.Advance(TimeSpan.FromDays(3));
        var sent = await ExchangeAsync("neu@example.org", $"bayern-confirm+{token}@lists.integreat.example", "Re: x", "", total: 2);

        Assert.False(IsMember("neu@example.org"));
        Assert.Contains("abgelaufen", sent[^1].ToMimeMessage().TextBody);
    }

    [Fact]
    public async Task HelpInfoWhoAndUnknownCommandsAreAnsweredInOneReply()
    {
        _daemon.AddMembers(["erika@example.org"]);
        _daemon.AddMembers(["chefin@kommune.de"], MemberRole.Owner);

        var sent = await ExchangeAsync("erika@example.org", Request, "AW: hilfe", "info\nwho\nfrobnicate\n", total: 1);
        var text = Assert.Single(sent).ToMimeMessage().TextBody!;
        Assert.Contains("abonnieren", text);
        Assert.Contains("confirm CODE", text);
        Assert.Contains("Integreat Bayern", text);
        Assert.Contains("Only the list owners may see the roster", text);
        Assert.Contains("> frobnicate", text);
        Assert.Contains("Unknown command", text);

        var owner = await ExchangeAsync("chefin@kommune.de", Request, "mitglieder", "", total: 2);
        var roster = To(owner, "chefin@kommune.de", "Ergebnisse").ToMimeMessage().TextBody!;
        Assert.Contains("erika@example.org", roster);
        Assert.Contains("chefin@kommune.de (owner)", roster);
    }

    [Fact]
    public async Task AtMostFiveRepliesPerAddressAndHour()
    {
        for (var i = 0; i < 6; i++) await SendAsync("erika@example.org", Request, "help");
        await _probe.WaitAsync(6, Timeout);

        Assert.Equal([1, 1, 1, 1, 1, 0], _probe.Done.Select(d => d.Mails));
        await _smarthost.WaitForRecipientsAsync(5, Timeout);

        _clock.Advance(TimeSpan.FromHours(1));
        await ExchangeAsync("erika@example.org", Request, "help", "", total: 6);
    }

    [Fact]
    public async Task AtMostThreeConfirmationsPerTargetAndDayAndNoReplyBeyond()
    {
        SetPolicy(SubscriptionPolicy.Open);
        for (var i = 0; i < 5; i++) await SendAsync("opfer@example.org", Join);
        await _probe.WaitAsync(5, Timeout);

        Assert.Equal([1, 1, 1, 0, 0], _probe.Done.Select(d => d.Mails));
        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.All(_smarthost.Messages, m => Assert.Equal(["opfer@example.org"], m.Recipients));
    }
}
