using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Integreat.Lists.EndToEnd.Tests.Commands.CommandExchange;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>Every command word and alias, German and English, in any case, over SMTP; an unknown token gets one
/// reply however often it is named; an owner's confirmation expires on the injected clock.</summary>
public sealed class CommandAliasTests : IAsyncLifetime
{
    const string Unknown = "0123456789abcdef0123456789abcdef01234567";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    CommandExchange _mail = null!;

    public async Task InitializeAsync() => _mail = await StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    static readonly (string Line, string Expected)[] Aliases =
    [
        ("help", "Commands to bayern-request@"), ("HILFE", "Commands to bayern-request@"), ("info", "List \"Integreat Bayern\""),
        ("join", "A confirmation request was sent to"), ("Subscribe", "A confirmation request was sent to"),
        ("abonnieren", "A confirmation request was sent to"),
        ("leave", "is not a member of the list"), ("unsubscribe", "is not a member of the list"), ("Abmelden", "is not a member of the list"),
        ("confirm " + Unknown, "This confirmation is unknown"), ("bestätigen " + Unknown, "This confirmation is unknown"),
        ("bestaetigen " + Unknown, "This confirmation is unknown"),
        ("who", "Only the list owners may see the roster"), ("mitglieder", "Only the list owners may see the roster"),
        ("end", "Your message contained no command"), ("ENDE", "Your message contained no command"),
        ("add neu@example.org", "Only the list owners may use this command"),
        ("hinzufügen neu@example.org", "Only the list owners may use this command"),
        ("hinzufuegen neu@example.org", "Only the list owners may use this command"),
        ("add owner neu@example.org", "Only the list owners may use this command"),
        ("hinzufügen besitzer neu@example.org", "Only the list owners may use this command"),
        ("remove erika@example.org", "Only the list owners may use this command"),
        ("entfernen moderator erika@example.org", "Only the list owners may use this command"),
        ("set moderated erika@example.org on", "Only the list owners may use this command"),
        ("setzen moderiert erika@example.org an", "Only the list owners may use this command"),
        ("frobnicate", "Unknown command"),
    ];

    [Fact]
    public async Task EveryCommandWordAndAliasIsUnderstood()
    {
        var senders = Aliases.Select((_, i) => $"person{i:D2}@example.org").ToList();
        var before = _mail.Probe.Done.Count;
        for (var i = 0; i < Aliases.Length; i++)
            await _mail.Daemon.PostAsync(CommandMailTests.Mail(senders[i], CommandMailTests.Request, "", Aliases[i].Line + "\n"), senders[i],
                CommandMailTests.Request);
        await _mail.Probe.WaitAsync(before + Aliases.Length, Timeout);
        await _mail.Smarthost.WaitForAsync(h => senders.All(s => h.Messages.Any(m => m.Recipients.Contains(s) && m.ToMimeMessage().Subject!.StartsWith("Ergebnisse", StringComparison.Ordinal))), Timeout);

        for (var i = 0; i < Aliases.Length; i++)
            Assert.True(Results(_mail.Smarthost.Messages, senders[i]).Contains(Aliases[i].Expected, StringComparison.Ordinal), Aliases[i].Line);
    }

    [Fact]
    public async Task AnUnknownTokenGetsOneReplyHoweverOftenItIsNamed()
    {
        var sent = await _mail.ExchangeAsync("neu@example.org", $"bayern-confirm+{Unknown}@lists.integreat.example", "", 1);
        Assert.Contains("This confirmation is unknown", Results(sent, "neu@example.org"));

        var lines = string.Concat(Enumerable.Repeat($"confirm {Unknown}\n", 15)) + "bestätigen falsch\n";
        await _mail.ExchangeAsync("neu@example.org", CommandMailTests.Request, lines, 2);

        Assert.Equal(new[] { 1, 1 }, _mail.Probe.Done.Select(d => d.Mails));
        Assert.Equal(2, _mail.Smarthost.Messages.Count);
    }

    [Fact]
    public async Task AnOwnersConfirmationExpiresOnTheInjectedClock()
    {
        var confirmation = Confirmation(await _mail.ExchangeAsync(Owner, CommandMailTests.Request, "add neu@example.org\n", 2));

        _clock.Advance(TimeSpan.FromDays(3));
        var sent = await _mail.ExchangeAsync(Owner, $"bayern-confirm+{TokenOf(confirmation)}@lists.integreat.example", "Ja", 3);

        Assert.Contains("unknown, has expired or was used already", Results(sent, Owner));
        Assert.Null(_mail.Find("neu@example.org"));
        Assert.Empty(_mail.Daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern));
    }
}
