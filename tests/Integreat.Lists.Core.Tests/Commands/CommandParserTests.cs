using Integreat.Lists.Core.Commands;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Commands;

public sealed class CommandParserTests
{
    static MimeMessage Mail(string subject, string body, string subtype = "plain")
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse("erika@example.org"));
        message.Body = new TextPart(subtype) { Text = body };
        return message;
    }

    static IReadOnlyList<CommandWord> Words(MimeMessage message) => CommandParser.Parse(message).Select(c => c.Word).ToList();

    [Theory]
    [InlineData("help", CommandWord.Help)]
    [InlineData("hilfe", CommandWord.Help)]
    [InlineData("join", CommandWord.Join)]
    [InlineData("subscribe", CommandWord.Join)]
    [InlineData("abonnieren", CommandWord.Join)]
    [InlineData("leave", CommandWord.Leave)]
    [InlineData("unsubscribe", CommandWord.Leave)]
    [InlineData("abmelden", CommandWord.Leave)]
    [InlineData("confirm abc", CommandWord.Confirm)]
    [InlineData("bestätigen abc", CommandWord.Confirm)]
    [InlineData("BESTÄTIGEN abc", CommandWord.Confirm)]
    [InlineData("bestaetigen abc", CommandWord.Confirm)]
    [InlineData("who", CommandWord.Who)]
    [InlineData("mitglieder", CommandWord.Who)]
    [InlineData("info", CommandWord.Info)]
    [InlineData("INFO", CommandWord.Info)]
    [InlineData("Join", CommandWord.Join)]
    [InlineData("add x@example.org", CommandWord.Add)]
    [InlineData("hinzufügen x@example.org", CommandWord.Add)]
    [InlineData("Hinzufuegen x@example.org", CommandWord.Add)]
    [InlineData("remove x@example.org", CommandWord.Remove)]
    [InlineData("entfernen x@example.org", CommandWord.Remove)]
    [InlineData("frobnicate", CommandWord.Unknown)]
    public void EveryAliasInBothLanguagesIsRead(string line, CommandWord word)
    {
        var command = Assert.Single(CommandParser.Parse(Mail("", line + "\n")));
        Assert.Equal(word, command.Word);
        Assert.Equal(line, command.Text);
    }

    [Fact]
    public void TheArgumentsFollowTheWord()
    {
        var command = Assert.Single(CommandParser.Parse(Mail("", "  confirm   ABC123  \n")));
        Assert.Equal(["ABC123"], command.Arguments);
    }

    [Theory]
    [InlineData("join")]
    [InlineData("Re: join")]
    [InlineData("AW: join")]
    [InlineData("RE: AW: Re: join")]
    [InlineData("aw:join")]
    public void TheSubjectCountsAfterReplyPrefixes(string subject)
        => Assert.Equal([CommandWord.Join], Words(Mail(subject, "")));

    [Fact]
    public void AFreeTextSubjectIsIgnoredButUnknownBodyLinesAreReported()
        => Assert.Equal([CommandWord.Unknown, CommandWord.Help], Words(Mail("Anmeldung", "bitte\nhilfe\n")));

    [Fact]
    public void SubjectAndBodyBothCount()
        => Assert.Equal([CommandWord.Join, CommandWord.Info, CommandWord.Who], Words(Mail("Re: join", "info\n\nwho\n")));

    [Fact]
    public void TheSameCommandAsSubjectAndFirstLineRunsOnce()
        => Assert.Equal([CommandWord.Help, CommandWord.Who], Words(Mail("help", "Help\nwho\n")));

    [Fact]
    public void ARepeatLaterInTheBodyStillCounts()
        => Assert.Equal([CommandWord.Help, CommandWord.Who, CommandWord.Help], Words(Mail("help", "who\nhelp\n")));

    [Theory]
    [InlineData("end")]
    [InlineData("ende")]
    [InlineData("ENDE")]
    [InlineData("-- ")]
    [InlineData("--")]
    [InlineData("> join")]
    [InlineData(">")]
    public void ReadingStopsAtEndSignatureAndQuote(string stop)
        => Assert.Equal([CommandWord.Help], Words(Mail("", $"help\n{stop}\njoin\nleave\n")));

    [Fact]
    public void AnEndInTheSubjectStopsEverything()
        => Assert.Empty(CommandParser.Parse(Mail("end", "join\n")));

    [Fact]
    public void AtMostTwentyLinesAreRead()
    {
        var body = string.Concat(Enumerable.Repeat("info\n\n", 30));
        Assert.Equal(CommandParser.MaxLines, CommandParser.Parse(Mail("", body)).Count);
    }

    [Fact]
    public void AnHtmlOnlyMailIsReadAsText()
    {
        var html = "<html><head><style>p { color: red }</style></head><body><p>abonnieren</p><div>info</div>" +
                   "<br>--<br>Erika</body></html>";
        Assert.Equal([CommandWord.Join, CommandWord.Info], Words(Mail("", html, "html")));
    }

    [Fact]
    public void TheTextPartWinsOverHtmlInAlternative()
    {
        var message = Mail("", "");
        message.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = "leave\n" },
            new TextPart("html") { Text = "<p>join</p>" },
        };
        Assert.Equal([CommandWord.Leave], Words(message));
    }

    [Fact]
    public void CrLfLineEndsAreHandled()
        => Assert.Equal([CommandWord.Help, CommandWord.Info], Words(Mail("", "help\r\ninfo\r\n-- \r\njoin\r\n")));
}
