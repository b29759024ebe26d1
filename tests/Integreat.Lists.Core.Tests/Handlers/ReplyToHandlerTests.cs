using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Handlers;

public sealed class ReplyToHandlerTests
{
    static RawMessage Post(params string[] extraHeaders) => Wire.Parse(
        [
            "From: Erika Mustermann <erika@example.org>",
            "To: bayern@lists.integreat.example",
            .. extraHeaders,
            "Subject: Treffen",
            "",
            "Hallo",
            "",
        ]);

    /// <summary>The Reply-To fields as they go out, parsed back from the wire.</summary>
    static List<InternetAddressList> ReplyTo(RawMessage message) => Wire.Fields(message.ToBytes(), "Reply-To")
        .Select(f => InternetAddressList.Parse(f["Reply-To:".Length..]))
        .ToList();

    static MailboxAddress SingleMailbox(RawMessage message) =>
        Assert.IsType<MailboxAddress>(Assert.Single(Assert.Single(ReplyTo(message))));

    [Fact]
    public void NoneLeavesAnAuthorsReplyToByteForByte()
    {
        var message = Post("Reply-To:   \"Max\"   <max@example.net>");

        new ReplyToHandler().Process(TestLists.Bayern(l => l.ReplyTo = ReplyToPolicy.None), message);

        Assert.Equal("Reply-To:   \"Max\"   <max@example.net>\r\n", Assert.Single(Wire.Fields(message.ToBytes(), "Reply-To")));
    }

    [Fact]
    public void NoneAddsNoReplyTo()
    {
        var message = Post();

        new ReplyToHandler().Process(TestLists.Bayern(l => l.ReplyTo = ReplyToPolicy.None), message);

        Assert.False(message.Headers.Contains(HeaderId.ReplyTo));
    }

    [Fact]
    public void PosterReplacesReplyToWithTheAuthor()
    {
        var message = Post("Reply-To: max@example.net", "Reply-To: anna@example.com");

        new ReplyToHandler().Process(TestLists.Bayern(l => l.ReplyTo = ReplyToPolicy.Poster), message);

        var mailbox = SingleMailbox(message);
        Assert.Equal("erika@example.org", mailbox.Address);
        Assert.Equal("Erika Mustermann", mailbox.Name);
    }

    [Fact]
    public void PosterKeepsAnEncodedDisplayNameWithACommaAsOneMailbox()
    {
        // Outlook writes "Last, First" names; with an umlaut the whole phrase, comma included, is RFC 2047-encoded.
        var message = Wire.Parse(
            "From: =?utf-8?q?M=C3=BCller=2C_Heinz?= <heinz@example.org>",
            "To: bayern@lists.integreat.example",
            "Subject: Treffen",
            "",
            "Hallo",
            "");

        new ReplyToHandler().Process(TestLists.Bayern(l => l.ReplyTo = ReplyToPolicy.Poster), message);

        var mailbox = SingleMailbox(message);
        Assert.Equal("heinz@example.org", mailbox.Address);
        Assert.Equal("Müller, Heinz", mailbox.Name);
    }

    [Fact]
    public void PosterDoesNotTurnAnAddressInTheEncodedDisplayNameIntoARecipient()
    {
        // A group's rewritten From: "NAME <ADDRESS> via GROUP", RFC 2047-encoded because of the umlaut.
        var message = Wire.Parse(
            "From: =?utf-8?q?J=C3=BCrgen_=3Cjuergen=40example.net=3E_via_Vorstand?= <vorstand@groups.example>",
            "Subject: Treffen",
            "",
            "Hallo",
            "");

        new ReplyToHandler().Process(TestLists.Bayern(l => l.ReplyTo = ReplyToPolicy.Poster), message);

        var mailbox = SingleMailbox(message);
        Assert.Equal("vorstand@groups.example", mailbox.Address);
        Assert.Equal("Jürgen <juergen@example.net> via Vorstand", mailbox.Name);
    }

    [Fact]
    public void PosterWithoutFromLeavesReplyToAlone()
    {
        var message = Wire.Parse("To: bayern@lists.integreat.example", "Reply-To: max@example.net", "Subject: x", "", "");

        new ReplyToHandler().Process(TestLists.Bayern(l => l.ReplyTo = ReplyToPolicy.Poster), message);

        Assert.Equal("Reply-To: max@example.net\r\n", Assert.Single(Wire.Fields(message.ToBytes(), "Reply-To")));
    }

    [Fact]
    public void ListPointsReplyToAtThePostingAddress()
    {
        var message = Post("Reply-To: max@example.net");

        new ReplyToHandler().Process(TestLists.Bayern(l => l.ReplyTo = ReplyToPolicy.List), message);

        var mailbox = SingleMailbox(message);
        Assert.Equal("bayern@lists.integreat.example", mailbox.Address);
        Assert.Equal("Integreat Bayern", mailbox.Name);
    }

    [Fact]
    public void ListWithANonAsciiNameWritesAsciiOnly()
    {
        var list = MailingList.Create("bw@lists.integreat.example", "Integreat Baden-Württemberg", TestLists.Created);
        list.ReplyTo = ReplyToPolicy.List;
        var message = Post();

        new ReplyToHandler().Process(list, message);

        Wire.AssertAscii(Assert.Single(Wire.Fields(message.ToBytes(), "Reply-To")));
        var mailbox = SingleMailbox(message);
        Assert.Equal("bw@lists.integreat.example", mailbox.Address);
        Assert.Equal("Integreat Baden-Württemberg", mailbox.Name);
    }
}
