using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Posting.Rules;
using Integreat.Lists.Core.Tests.Support;

namespace Integreat.Lists.Core.Tests.Posting.Rules;

public sealed class HoldRulesTests
{
    [Theory]
    [InlineData("Subject: abmelden", "Hallo")]
    [InlineData("Subject: Re: Treffen", "unsubscribe\nDanke")]
    [InlineData("Subject: Frage", "\n\nAbmelden!\n")]
    [InlineData("Subject: hilfe", "")]
    public void AdministriviaHoldsPostsThatLookLikeCommands(string subject, string body)
    {
        var post = Posts.Make(TestLists.Bayern(), [subject], body);

        Assert.True(new AdministriviaRule().Check(post));
        Assert.Contains("bayern-request@lists.integreat.example", Assert.Single(post.Reasons));
    }

    [Theory]
    [InlineData("Subject: Wie kann ich mich abmelden, wenn ich umziehe?", "Hallo,\nich ziehe um.")]
    [InlineData("Subject: Treffen", "> abmelden\nNein, bitte nicht.")]
    public void AdministriviaLetsSentencesAndQuotesThrough(string subject, string body)
    {
        Assert.False(new AdministriviaRule().Check(Posts.Make(TestLists.Bayern(), [subject], body)));
    }

    [Fact]
    public void AdministriviaReadsTheDecodedTextPartInItsCharset()
    {
        // "austragen" in base64, ISO-8859-1, after a first part that is an attachment.
        var body = string.Join('\n',
            "--b", "Content-Type: text/plain; name=\"anlage.txt\"", "Content-Disposition: attachment", "", "abmelden",
            "--b", "Content-Type: text/plain; charset=iso-8859-1", "Content-Transfer-Encoding: base64", "",
            Convert.ToBase64String(System.Text.Encoding.Latin1.GetBytes("Grüße,\n\naustragen\n")), "--b--");
        var post = Posts.Make(TestLists.Bayern(), ["Subject: Frage", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b"], body);

        Assert.True(new AdministriviaRule().Check(post));
        Assert.Contains("austragen", Assert.Single(post.Reasons));
    }

    [Fact]
    public void AdministriviaLooksOnlyAtTheTopOfALongPost()
    {
        var body = string.Join('\n', Enumerable.Range(1, 5).Select(i => $"Zeile {i} des Protokolls.")) + "\nabmelden\n"
                   + string.Concat(Enumerable.Repeat("Fördermittel für Integreat in Bayern.\n", 100_000));

        Assert.False(new AdministriviaRule().Check(Posts.Make(TestLists.Bayern(), ["Subject: Protokoll"], body)));
    }

    [Fact]
    public void AdministriviaCanBeSwitchedOff()
    {
        Assert.False(new AdministriviaRule().Check(Posts.Make(TestLists.Bayern(l => l.Posting.Administrivia = false), ["Subject: abmelden"])));
    }

    [Theory]
    [InlineData("To: Bayern <Bayern@Lists.Integreat.Example>")]
    [InlineData("To: erika@example.org")]
    public void ImplicitDestinationWantsTheListInToOrCc(string to)
    {
        var inTo = Posts.Make(TestLists.Bayern(), [to]);
        var inCc = Posts.Make(TestLists.Bayern(), ["To: erika@example.org", "Cc: bayern@lists.integreat.example"]);

        Assert.Equal(!to.Contains("Bayern@", StringComparison.Ordinal), new ImplicitDestinationRule().Check(inTo));
        Assert.False(new ImplicitDestinationRule().Check(inCc));
        Assert.False(new ImplicitDestinationRule().Check(
            Posts.Make(TestLists.Bayern(l => l.Posting.RequireExplicitDestination = false), ["To: erika@example.org"])));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void MaxRecipientsCountsToAndCcAgainstTheLimitOfTen(int count, bool held)
    {
        var addresses = Enumerable.Range(1, count - 1).Select(i => $"p{i}@example.org");
        var post = Posts.Make(TestLists.Bayern(), ["To: bayern@lists.integreat.example", "Cc: " + string.Join(", ", addresses)]);

        Assert.Equal(held, new MaxRecipientsRule().Check(post));
        Assert.False(new MaxRecipientsRule().Check(
            Posts.Make(TestLists.Bayern(l => l.Posting.MaxRecipients = 0), ["Cc: " + string.Join(", ", addresses)])));
    }

    [Theory]
    [InlineData(5 * 1024 * 1024, false)]
    [InlineData(5 * 1024 * 1024 + 1, true)]
    public void MaxSizeHoldsPostsOverFiveMebibytesByDefault(long size, bool held)
    {
        var post = Posts.Make(TestLists.Bayern(), [], size: size);

        Assert.Equal(held, new MaxSizeRule().Check(post));
        if (held) Assert.StartsWith("Die Nachricht ist mit etwa 5,1 MB größer als erlaubt (höchstens 5 MB;", Assert.Single(post.Reasons));
        if (held) Assert.Contains("/ The post is about 5.1 MB, more than the 5 MB allowed", post.Reasons[0]);
        Assert.False(new MaxSizeRule().Check(Posts.Make(TestLists.Bayern(l => l.Posting.MaxMessageSizeKiB = 0), [], size: size)));
    }

    [Theory]
    [InlineData("Subject:", true)]
    [InlineData("Subject:    ", true)]
    [InlineData("Subject: =?utf-8?q?_?=", true)]
    [InlineData("Subject: Hallo", false)]
    public void NoSubjectHoldsAnEmptySubject(string subject, bool held)
    {
        Assert.Equal(held, new NoSubjectRule().Check(Posts.Make(TestLists.Bayern(), [subject])));
    }

    [Fact]
    public void SuspiciousHeaderMatchesTheListsHeaderPatterns()
    {
        var list = TestLists.Bayern(l => l.Posting.SuspiciousHeaders.AddRange(["X-Spam-Flag: ^yes", "broken line", "Subject: ["]));

        var post = Posts.Make(list, ["X-Spam-Flag: YES"]);

        Assert.True(new SuspiciousHeaderRule().Check(post));
        Assert.Contains("X-Spam-Flag", Assert.Single(post.Reasons));
        Assert.False(new SuspiciousHeaderRule().Check(Posts.Make(list, ["X-Spam-Flag: no"])));
    }

    [Fact]
    public void DuplicateMatchesAMessageIdTheListAlreadySent()
    {
        var list = TestLists.Bayern();
        var seen = Posts.Make(list, ["Message-ID: <a1@example.org>"], posted: id => id == "<a1@example.org>");
        var fresh = Posts.Make(list, ["Message-ID: <b2@example.org>"], posted: id => id == "<a1@example.org>");
        var none = Posts.Make(list, [], posted: _ => true);

        Assert.True(new DuplicateRule().Check(seen));
        Assert.False(new DuplicateRule().Check(fresh));
        Assert.False(new DuplicateRule().Check(none));
    }

    [Theory]
    [InlineData("List-Id: Integreat Bayern <bayern.lists.integreat.example>", true)]
    [InlineData("X-BeenThere: bayern@lists.integreat.example", true)]
    [InlineData("List-Id: <hessen.lists.integreat.example>", false)]
    public void LoopMatchesThisListsMarkers(string marker, bool loop)
    {
        Assert.Equal(loop, new LoopRule().Check(Posts.Make(TestLists.Bayern(), [marker])));
    }
}
