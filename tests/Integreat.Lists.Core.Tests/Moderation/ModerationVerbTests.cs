using Integreat.Lists.Core.Moderation;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Moderation;

/// <summary>The moderator's word read from a reply, and how the results name what the moderator did.</summary>
public sealed class ModerationVerbTests
{
    static MimeMessage Reply(string body, string subject = "Re: Freigabe nötig")
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse("moderatorin@kommune.de"));
        message.Body = new TextPart("plain") { Text = body + "\n\n> Guten Tag,\n> freigeben oder verwerfen?" };
        return message;
    }

    [Theory]
    [InlineData("freigeben", "freigeben", "approve")]
    [InlineData("Approve!", "freigeben", "approve")]
    [InlineData("freigeben absender-freigeben", "freigeben und Absender künftig zulassen", "approve and accept the sender from now on")]
    [InlineData("ablehnen Bitte schreiben Sie an das Büro.", "ablehnen", "reject")]
    [InlineData("verwerfen", "verwerfen", "discard")]
    [InlineData("discard", "verwerfen", "discard")]
    public void The_results_name_the_decision_in_each_language_whatever_language_the_moderator_wrote(string body, string german, string english)
    {
        var verb = ModerationVerb.Parse(Reply(body))!;

        Assert.Equal((german, english), (verb.German, verb.English));
    }

    [Fact]
    public void A_reply_without_a_word_in_its_own_lines_decides_nothing_even_when_the_quote_has_one()
    {
        Assert.Null(ModerationVerb.Parse(Reply("Wer ist das?")));
    }

    [Fact]
    public void The_reason_of_a_rejection_is_the_rest_of_the_line()
    {
        var verb = ModerationVerb.Parse(Reply("ablehnen Bitte schreiben Sie an das Büro."))!;

        Assert.Equal(("reject", "Bitte schreiben Sie an das Büro."), (verb.Verb, verb.Reason));
    }
}
