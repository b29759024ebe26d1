using Integreat.Lists.Core.Commands;

namespace Integreat.Lists.Core.Tests.Commands;

/// <summary>A reply to a token address is quoted by what it was, in each language, never by its token.</summary>
public sealed class ConfirmQuoteTests
{
    [Fact]
    public void A_confirmation_by_reply_is_described_in_each_language_and_keeps_its_result()
    {
        var result = new CommandResult("confirm 3f9a0c", "Sie sind jetzt Mitglied.", "You are now a member.") { Quiet = true };

        var quoted = ConfirmQuote.Describe(result);

        Assert.Equal(("bestätigen (Code aus der Benachrichtigung)", "confirm (code from the notice)"), (quoted.Command, quoted.EnglishCommand));
        Assert.Equal((result.German, result.English, true), (quoted.German, quoted.English, quoted.Quiet));
    }

    [Fact]
    public void An_unknown_code_is_answered_without_any_token()
    {
        var unknown = ConfirmQuote.Unknown();

        Assert.Equal(ConfirmQuote.German, unknown.Command);
        Assert.Equal(ConfirmQuote.English, unknown.EnglishCommand);
        Assert.Contains("unbekannt, abgelaufen", unknown.German);
    }

    [Fact]
    public void A_command_the_sender_wrote_is_quoted_as_written_in_both_parts()
    {
        Assert.Null(new CommandResult("hilfe", "…", "…").EnglishCommand);
    }
}
