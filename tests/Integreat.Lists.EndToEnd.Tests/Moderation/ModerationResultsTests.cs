using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.EndToEnd.Tests.Commands;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Moderation;

/// <summary>The results mail of a moderator's reply over real SMTP: it names the decision and the post (Subject and
/// author) in each language, and never quotes the token or the post's spool id.</summary>
public sealed class ModerationResultsTests : IAsyncLifetime
{
    const string Owner = CommandExchange.Owner;
    const string Poster = "anna.schmidt@example.org";
    const string Separator = "----------------------------------------------------------------------";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    CommandExchange _x = null!;

    public async Task InitializeAsync()
    {
        _x = await CommandExchange.StartAsync();
        var lists = _x.Daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.NonmemberAction = NonmemberAction.Hold;
        lists.Update(list);
    }

    public async Task DisposeAsync() => await _x.DisposeAsync();

    static bool IsTo(CapturedMessage m, string recipient, string subject)
        => m.Recipients.Contains(recipient) && (m.ToMimeMessage().Subject ?? "").StartsWith(subject, StringComparison.Ordinal);

    /// <summary>Posts as a nonmember; returns the owner's hold notice and the held post's id.</summary>
    async Task<(CapturedMessage Notice, string Id)> HoldAsync(string subject)
    {
        var before = _x.Smarthost.Messages.Count(m => IsTo(m, Owner, "Freigabe nötig"));
        Assert.StartsWith("2.0.0", await _x.Daemon.PostAsync(CommandMailTests.Mail(Poster, TestDaemon.Bayern, subject, "Liebe Alle,\nbis Montag."),
            Poster, TestDaemon.Bayern));
        await _x.Smarthost.WaitForAsync(h => h.Messages.Count(m => IsTo(m, Owner, "Freigabe nötig")) > before, Timeout);
        return (_x.Smarthost.Messages.Last(m => IsTo(m, Owner, "Freigabe nötig")), _x.Daemon.Get<IHeldPostStore>().List(TestDaemon.Bayern).Last().Id);
    }

    /// <summary>Replies as the owner to <paramref name="to"/>; returns the German and the English part of the results.</summary>
    async Task<(string German, string English)> AnswerAsync(string to, string body)
    {
        var before = _x.Smarthost.Messages.Count(m => IsTo(m, Owner, "Ergebnisse"));
        var processed = _x.Probe.Done.Count;
        Assert.StartsWith("2.0.0", await _x.Daemon.PostAsync(CommandMailTests.Mail(Owner, to, "Re: Freigabe nötig", body + "\n\n> Guten Tag,"), Owner, to));
        await _x.Probe.WaitAsync(processed + 1, Timeout);
        await _x.Smarthost.WaitForAsync(h => h.Messages.Count(m => IsTo(m, Owner, "Ergebnisse")) > before, Timeout);
        var halves = CommandExchange.Results(_x.Smarthost.Messages, Owner).ReplaceLineEndings("\n").Split(Separator);
        Assert.Equal(2, halves.Length);
        return (halves[0], halves[1]);
    }

    [Fact]
    public async Task A_freigeben_reply_is_answered_with_the_decision_and_the_post_by_subject_and_author_and_without_token_or_id()
    {
        var (notice, id) = await HoldAsync("Treffen am Montag");
        var token = CommandExchange.TokenOf(notice);

        var (german, english) = await AnswerAsync(notice.ToMimeMessage().ReplyTo.Mailboxes.Single().Address, "freigeben");

        Assert.Contains($"\n> freigeben: „Treffen am Montag“ von {Poster}\n", german);
        Assert.Contains($"Die Nachricht „Treffen am Montag“ von {Poster} wurde freigegeben", german);
        Assert.Contains($"\n> approve: \"Treffen am Montag\" from {Poster}\n", english);
        Assert.Contains($"The post \"Treffen am Montag\" from {Poster} was approved", english);
        Assert.DoesNotContain(token, german + english);
        Assert.DoesNotContain(id, german + english);
        Assert.Null(_x.Daemon.Get<IHeldPostStore>().Find(id));
    }

    [Fact]
    public async Task A_rejected_post_without_subject_is_named_as_the_hold_notice_names_it()
    {
        var (notice, id) = await HoldAsync("");

        var (german, english) = await AnswerAsync(notice.ToMimeMessage().ReplyTo.Mailboxes.Single().Address, "ablehnen Bitte an das Büro.");

        Assert.Contains($"\n> ablehnen: (kein Betreff) von {Poster}\n", german);
        Assert.Contains($"Die Nachricht (kein Betreff) von {Poster} wurde abgelehnt. Die absendende Person erhält eine Nachricht darüber, mit dem Grund „Bitte an das Büro.“\n", german);
        Assert.Contains($"\n> reject: (no subject) from {Poster}\n", english);
        Assert.Contains($"The post (no subject) from {Poster} was rejected. The poster is told so, with the reason \"Bitte an das Büro.\"\n", english);
        Assert.DoesNotContain(CommandExchange.TokenOf(notice), german + english);
        Assert.DoesNotContain(id, german + english);
    }

    [Fact]
    public async Task A_reply_after_someone_else_decided_names_the_post_and_what_became_of_it()
    {
        var (notice, id) = await HoldAsync("Treffen am Montag");
        // Another moderator discards it on the web or the CLI first; the token mailed earlier is still valid.
        Assert.True(_x.Daemon.Get<HoldDecisions>().Discard(id, "cli", "cli").Done);

        var (german, english) = await AnswerAsync(notice.ToMimeMessage().ReplyTo.Mailboxes.Single().Address, "freigeben");

        Assert.Contains($"\n> freigeben: „Treffen am Montag“ von {Poster}\n", german);
        Assert.Contains($"Die Nachricht „Treffen am Montag“ von {Poster} wurde schon auf dem Server verworfen. Sie müssen nichts mehr tun.", german);
        Assert.Contains($"The post \"Treffen am Montag\" from {Poster} was discarded on the server already.", english);
        Assert.DoesNotContain(id, german + english);
        Assert.DoesNotContain(CommandExchange.TokenOf(notice), german + english);
    }

    [Fact]
    public async Task A_reply_without_a_word_names_the_post_and_asks_for_one()
    {
        var (notice, _) = await HoldAsync("Treffen am Montag");

        var (german, english) = await AnswerAsync(notice.ToMimeMessage().ReplyTo.Mailboxes.Single().Address, "Wer ist das?");

        Assert.Contains($"\n> Antwort zu „Treffen am Montag“ von {Poster}\n", german);
        Assert.Contains("„freigeben“, „ablehnen GRUND“ oder „verwerfen“", german);
        Assert.Contains($"\n> reply to \"Treffen am Montag\" from {Poster}\n", english);
        Assert.DoesNotContain(CommandExchange.TokenOf(notice), german + english);
    }

    [Fact]
    public async Task An_unknown_token_gets_a_clear_answer_that_does_not_echo_the_token()
    {
        var guessed = new string('a', 40);
        var (german, english) = await AnswerAsync($"bayern-confirm+{guessed}@lists.integreat.example", "freigeben");

        Assert.Contains("\n> bestätigen (Code aus der Benachrichtigung)\n", german);
        Assert.Contains("unbekannt, abgelaufen oder wurde schon verwendet", german);
        Assert.Contains("\n> confirm (code from the notice)\n", english);
        Assert.DoesNotContain(guessed, german + english);
    }

    [Fact]
    public async Task A_second_moderators_late_reply_by_mail_names_the_post_and_changes_nothing()
    {
        // Every moderator gets the same notice; the first answer by mail decides, the second arrives later.
        var (notice, id) = await HoldAsync("Treffen am Montag");
        var address = notice.ToMimeMessage().ReplyTo.Mailboxes.Single().Address;
        await AnswerAsync(address, "verwerfen");
        var audited = _x.Daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern).Count;

        var (late, lateEnglish) = await AnswerAsync(address, "freigeben");

        Assert.Contains($"\n> freigeben: „Treffen am Montag“ von {Poster}\n", late);
        Assert.Contains($"Die Nachricht „Treffen am Montag“ von {Poster} wurde schon von {Owner} verworfen. Sie müssen nichts mehr tun.", late);
        Assert.Contains($"\n> approve: \"Treffen am Montag\" from {Poster}\n", lateEnglish);
        Assert.Contains($"The post \"Treffen am Montag\" from {Poster} was discarded by {Owner} already.", lateEnglish);
        Assert.DoesNotContain(CommandExchange.TokenOf(notice), late + lateEnglish);
        Assert.DoesNotContain(id, late + lateEnglish);
        Assert.Equal(audited, _x.Daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern).Count);

        // A late reply without any word is told the same, not asked for a word.
        var (wordless, _) = await AnswerAsync(address, "Danke!");
        Assert.Contains($"\n> Antwort zu „Treffen am Montag“ von {Poster}\n", wordless);
        Assert.Contains($"wurde schon von {Owner} verworfen", wordless);
        Assert.DoesNotContain("„freigeben“, „ablehnen GRUND“ oder „verwerfen“", wordless);
    }

    [Fact]
    public async Task Every_decision_by_mail_is_answered_even_past_the_hourly_reply_limit()
    {
        // Commands:MaxRepliesPerHour is 5: a moderator deciding six holds in a row still hears of each decision.
        for (var i = 1; i <= 6; i++)
        {
            var (notice, id) = await HoldAsync($"Anfrage {i}");

            var (german, _) = await AnswerAsync(notice.ToMimeMessage().ReplyTo.Mailboxes.Single().Address, "verwerfen");

            Assert.Contains($"Die Nachricht „Anfrage {i}“ von {Poster} wurde verworfen", german);
            Assert.Null(_x.Daemon.Get<IHeldPostStore>().Find(id));
        }
    }
}
