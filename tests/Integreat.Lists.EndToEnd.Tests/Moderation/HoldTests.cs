using System.Text.RegularExpressions;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.EndToEnd.Tests.Commands;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Moderation;

/// <summary>Held posts over real SMTP: the moderator's notice with the post and a token, the poster's one notice,
/// replies that approve, reject or discard, forged and replayed tokens, expiry and reminders on the injected clock.</summary>
public sealed partial class HoldTests : IAsyncLifetime
{
    const string Moderator = "moderatorin@kommune.de";
    const string Stranger = "fremd@example.com";
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
        _daemon.AddMembers([Moderator], MemberRole.Moderator);
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.NonmemberAction = NonmemberAction.Hold;
        lists.Update(list);
    }

    public async Task DisposeAsync()
    {
        _probe.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    static MimeMessage Post(string from, string subject = "Einladung zum Sommerfest")
    {
        var message = CommandMailTests.Mail(from, TestDaemon.Bayern, subject, "Liebe Alle,\nam Samstag feiern wir.");
        return message;
    }

    /// <summary>Posts as a nonmember and returns (moderator notice, poster notice).</summary>
    async Task<(CapturedMessage Moderator, CapturedMessage Poster)> HoldAsync(string subject = "Einladung zum Sommerfest")
    {
        var before = _smarthost.Messages.Count;
        Assert.StartsWith("2.0.0", await _daemon.PostAsync(Post(Stranger, subject), Stranger, TestDaemon.Bayern));
        await _smarthost.WaitForAsync(h => h.Messages.Count >= before + 2, Timeout);
        var fresh = _smarthost.Messages.Skip(before).ToList();
        return (fresh.Single(m => m.Recipients.SequenceEqual([Moderator])), fresh.Single(m => m.Recipients.SequenceEqual([Stranger])));
    }

    async Task ReplyAsync(string to, string body, int total)
    {
        var processed = _probe.Done.Count;
        var reply = CommandMailTests.Mail(Moderator, to, "Re: Freigabe nötig", body + "\n\n> Guten Tag,\n> eine Nachricht wartet");
        Assert.StartsWith("2.0.0", await _daemon.PostAsync(reply, Moderator, to));
        await _probe.WaitAsync(processed + 1, Timeout);
        await _smarthost.WaitForAsync(h => h.Messages.Count >= total, Timeout);
    }

    static string ConfirmAddress(CapturedMessage notice) => notice.ToMimeMessage().ReplyTo.Mailboxes.Single().Address;

    static string TokenOf(CapturedMessage notice) => Token().Match(ConfirmAddress(notice)).Groups[1].Value;

    IReadOnlyList<string> Held() => _daemon.Get<ISpool>().List(QueueName.Hold);

    /// <summary>The copies of posts to the two members (the moderator, on the roster too, gets one as well).</summary>
    IEnumerable<CapturedMessage> ToMembers()
        => _smarthost.Messages.Where(m => m.Recipients.Contains("erika@example.org") || m.Recipients.Contains("max@example.net"));

    string ReplyText() => _smarthost.Messages.Last(m => m.Recipients.SequenceEqual([Moderator])
                                                        && (m.ToMimeMessage().Subject ?? "").StartsWith("Ergebnisse", StringComparison.Ordinal))
        .ToMimeMessage().TextBody!;

    [GeneratedRegex("^bayern-confirm\\+([0-9a-f]{40})@lists\\.integreat\\.example$")]
    private static partial Regex Token();

    [Fact]
    public async Task AHeldPostReachesTheModeratorWithItsReasonAndTheAttachedPostAndThePosterIsToldOnce()
    {
        var (moderator, poster) = await HoldAsync();

        var notice = moderator.ToMimeMessage();
        Assert.StartsWith("Freigabe nötig", notice.Subject);
        Assert.Matches(Token(), ConfirmAddress(moderator));
        Assert.Contains($"{Stranger} ist kein Mitglied der Liste.", notice.TextBody);
        var attached = Assert.IsType<MessagePart>(Assert.Single(notice.BodyParts.OfType<MessagePart>()));
        Assert.Equal("Einladung zum Sommerfest", attached.Message?.Subject);
        Assert.Equal("auto-replied", notice.Headers["Auto-Submitted"]);
        Assert.Contains("wartet auf Freigabe", poster.ToMimeMessage().Subject);
        // Each language's section gives the reason in its own language only.
        var halves = poster.ToMimeMessage().TextBody!.Split("----------------------------------------------------------------------");
        Assert.Contains($"  - {Stranger} ist kein Mitglied der Liste.\n", halves[0].ReplaceLineEndings("\n"));
        Assert.DoesNotContain("is not a member", halves[0]);
        Assert.Contains($"  - {Stranger} is not a member of {TestDaemon.Bayern}", halves[1]);
        Assert.DoesNotContain("kein Mitglied", halves[1]);
        Assert.Empty(ToMembers());
        Assert.Single(Held());

        // A second post the same day: held again, but the poster is not told more than the limit allows.
        await HoldAsync("Nachtrag");
        await HoldAsync("Noch ein Nachtrag");
        Assert.StartsWith("2.0.0", await _daemon.PostAsync(Post(Stranger, "Vierter Versuch"), Stranger, TestDaemon.Bayern));
        await _smarthost.WaitForAsync(h => h.Messages.Count(m => m.Recipients.SequenceEqual([Moderator])) == 4, Timeout);
        Assert.Equal(3, _smarthost.Messages.Count(m => m.Recipients.SequenceEqual([Stranger])));
        Assert.Equal(4, Held().Count);
    }

    [Fact]
    public async Task APostWithoutSubjectIsNamedAsSuchInBothNoticesInsteadOfAnEmptyLine()
    {
        var (moderator, poster) = await HoldAsync(subject: "");

        Assert.EndsWith("): (kein Betreff) — confirm " + TokenOf(moderator), moderator.ToMimeMessage().Subject);
        var toModerator = moderator.ToMimeMessage().TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("\nBetreff: (kein Betreff)\n", toModerator);
        Assert.Contains("\nSubject: (no subject)\n", toModerator);
        var toPoster = poster.ToMimeMessage().TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("\nBetreff Ihrer Nachricht: (kein Betreff)\n", toPoster);
        Assert.Contains("\nSubject of your message: (no subject)\n", toPoster);
    }

    [Fact]
    public async Task ReplyingFreigebenDistributesThePostOnceAndALaterAnswerChangesNothing()
    {
        var (moderator, _) = await HoldAsync();

        await ReplyAsync(ConfirmAddress(moderator), "freigeben", total: 6);

        var copies = ToMembers().ToList();
        Assert.Equal(2, copies.Sum(c => c.Recipients.Count));
        var copy = copies[0].ToMimeMessage();
        Assert.Equal("[Bayern] Einladung zum Sommerfest", copy.Subject);
        Assert.NotNull(copy.Headers["X-Integreat-Approved-At"]);
        Assert.Contains("wurde freigegeben", ReplyText());
        Assert.Empty(Held());

        // The same token again (a replay, or a second moderator's late answer) does nothing.
        await ReplyAsync(ConfirmAddress(moderator), "freigeben", total: 7);
        Assert.Contains($"wurde schon von {Moderator} freigegeben und an die Mitglieder verteilt", ReplyText());
        Assert.Equal(2, ToMembers().Sum(c => c.Recipients.Count));
    }

    [Fact]
    public async Task ApproveWithAcceptSenderLetsTheSendersNextPostThroughUnheld()
    {
        var (moderator, _) = await HoldAsync();

        await ReplyAsync(ConfirmAddress(moderator), "approve accept-sender", total: 6);
        Assert.Contains(Stranger, _daemon.Get<IListRepository>().Find(TestDaemon.Bayern)!.Posting.NonmemberAccept);

        Assert.StartsWith("2.0.0", await _daemon.PostAsync(Post(Stranger, "Nächstes Fest"), Stranger, TestDaemon.Bayern));
        await _smarthost.WaitForAsync(h => h.Messages.Count >= 9, Timeout);
        Assert.Equal(4, ToMembers().Count());
        Assert.Empty(Held());
    }

    [Fact]
    public async Task AblehnenSendsThePosterTheReasonAndNothingToTheMembers()
    {
        var (moderator, _) = await HoldAsync();

        await ReplyAsync(ConfirmAddress(moderator), "ablehnen Bitte schreiben Sie an das Büro.", total: 4);

        var refusal = _smarthost.Messages.Last(m => m.Recipients.SequenceEqual([Stranger])).ToMimeMessage();
        Assert.Contains("wurde abgelehnt", refusal.Subject);
        Assert.Contains("Bitte schreiben Sie an das Büro.", refusal.TextBody);
        Assert.Empty(ToMembers());
        Assert.Empty(Held());
    }

    [Fact]
    public async Task VerwerfenTellsNobodyButTheModerator()
    {
        var (moderator, _) = await HoldAsync();

        await ReplyAsync(ConfirmAddress(moderator), "verwerfen", total: 3);

        Assert.Contains("wurde verworfen", ReplyText());
        Assert.Single(_smarthost.Messages, m => m.Recipients.SequenceEqual([Stranger]));
        Assert.Empty(ToMembers());
        Assert.Empty(Held());
    }

    [Fact]
    public async Task AReplyWithoutAWordKeepsTheTokenValid()
    {
        var (moderator, _) = await HoldAsync();

        await ReplyAsync(ConfirmAddress(moderator), "Hmm, wer ist das?", total: 3);
        Assert.Contains("freigeben", ReplyText());
        Assert.Single(Held());

        await ReplyAsync(ConfirmAddress(moderator), "verwerfen", total: 4);
        Assert.Empty(Held());
    }

    [Fact]
    public async Task GuessedTokensWrongPassphrasesAndTheRequestAddressApproveNothing()
    {
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.Posting.ApprovalPassphraseHash = Convert.ToHexStringLower(Core.Posting.Rules.ApprovedRule.Hash("richtig"));
        lists.Update(list);
        var (moderator, _) = await HoldAsync();
        var token = TokenOf(moderator);

        // A guessed token of the right shape, and the real token sent as a join confirmation to -request.
        await ReplyAsync($"bayern-confirm+{new string('a', 40)}@lists.integreat.example", "freigeben", total: 3);
        await ReplyAsync(CommandMailTests.Request, "confirm " + token, total: 4);
        // A forged Approved: header with a wrong passphrase is held like any nonmember post.
        var forged = Post(Stranger, "Gefälscht");
        forged.Headers.Add("Approved", "falsch");
        Assert.StartsWith("2.0.0", await _daemon.PostAsync(forged, Stranger, TestDaemon.Bayern));
        await _smarthost.WaitForAsync(h => h.Messages.Count >= 6, Timeout);

        Assert.Empty(ToMembers());
        Assert.Equal(2, Held().Count);
        Assert.DoesNotContain(_daemon.Get<IRosterRepository>().Roster(TestDaemon.Bayern), m => m.Address == Stranger);
        // The real token still works afterwards.
        await ReplyAsync(ConfirmAddress(moderator), "freigeben", total: 10);
        Assert.Equal(2, ToMembers().Count());
    }

    [Fact]
    public async Task AnUnansweredHoldRemindsTheModeratorDailyThenExpiresWithOneNoticeToThePoster()
    {
        await HoldAsync();
        var expired = 0;
        var runner = _daemon.Get<HoldRunner>();

        // Each step of the clock fires the runner's timer; wait for exactly that sweep.
        async Task AdvanceAsync(TimeSpan by)
        {
            var swept = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Handler(int e, int r)
            {
                Interlocked.Add(ref expired, e);
                swept.TrySetResult();
            }
            runner.Swept += Handler;
            _clock.Advance(by);
            try { await swept.Task.WaitAsync(Timeout); }
            finally { runner.Swept -= Handler; }
        }

        await AdvanceAsync(TimeSpan.FromHours(1));
        await AdvanceAsync(TimeSpan.FromDays(1));
        static bool IsReminder(CapturedMessage m) => (m.ToMimeMessage().Subject ?? "").Contains("warten auf Freigabe");
        await _smarthost.WaitForAsync(h => h.Messages.Any(IsReminder), Timeout);
        var reminder = _smarthost.Messages.First(IsReminder).ToMimeMessage();
        Assert.Equal([Moderator], _smarthost.Messages.First(IsReminder).Recipients);
        Assert.Contains(Stranger, reminder.TextBody);
        Assert.Single(Held());

        for (var day = 0; day < 13; day++) await AdvanceAsync(TimeSpan.FromDays(1));
        await _smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.SequenceEqual([Stranger])
                                                               && (m.ToMimeMessage().Subject ?? "").Contains("nicht verteilt")), Timeout);

        Assert.Empty(Held());
        Assert.Equal(2, _smarthost.Messages.Count(m => m.Recipients.SequenceEqual([Stranger])));
        Assert.Empty(ToMembers());
        Assert.Equal(1, Volatile.Read(ref expired));
    }
}
