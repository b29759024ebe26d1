using System.Text;
using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Handlers;

public sealed class SubjectPrefixHandlerTests
{
    const string Expected = "[Bayern] Frühjahrstreffen München";

    static RawMessage Post(string subjectRaw) => Wire.Parse(
        "From: Erika Mustermann <erika@example.org>",
        "To: bayern@lists.integreat.example",
        "Subject: " + subjectRaw,
        "Message-ID: <1@example.org>",
        "",
        "Hallo",
        "");

    public static TheoryData<string> EncodedSubjects => new()
    {
        "=?utf-8?q?Fr=C3=BChjahrstreffen_M=C3=BCnchen?=",
        "=?UTF-8?B?RnLDvGhqYWhyc3RyZWZmZW4gTcO8bmNoZW4=?=",
        "=?iso-8859-1?Q?Fr=FChjahrstreffen_M=FCnchen?=",
        "=?iso-8859-1?Q?Fr=FChjahrstreffen?= =?iso-8859-1?Q?_M=FCnchen?=",
    };

    [Theory]
    [MemberData(nameof(EncodedSubjects))]
    public void DecodesPrefixesAndReEncodesTheSubject(string subjectRaw)
    {
        var message = Post(subjectRaw);

        new SubjectPrefixHandler().Process(TestLists.Bayern(), message);

        Assert.Equal(Expected, message.Headers[HeaderId.Subject]);
        var bytes = message.ToBytes();
        var field = Assert.Single(Wire.Fields(bytes, "Subject"));
        Wire.AssertAscii(field);
        Assert.Contains("=?", field, StringComparison.Ordinal);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(Expected, MimeMessage.Load(stream).Subject);
    }

    [Theory]
    [MemberData(nameof(EncodedSubjects))]
    public void ApplyingItTwiceAddsNoSecondPrefix(string subjectRaw)
    {
        var list = TestLists.Bayern();
        var handler = new SubjectPrefixHandler();
        var first = Post(subjectRaw);
        handler.Process(list, first);
        var firstBytes = first.ToBytes();

        // Again on the same instance, and on the re-parsed bytes (a post that comes round a second time).
        handler.Process(list, first);
        var second = RawMessage.Parse(firstBytes);
        handler.Process(list, second);

        Assert.Equal(Expected, first.Headers[HeaderId.Subject]);
        Assert.Equal(Expected, second.Headers[HeaderId.Subject]);
        Assert.Equal(firstBytes, second.ToBytes());
    }

    [Fact]
    public void AnAlreadyPrefixedEncodedSubjectKeepsItsRawBytes()
    {
        const string raw = "=?utf-8?q?=5BBayern=5D_Fr=C3=BChjahrstreffen_M=C3=BCnchen?=";
        var message = Post(raw);

        new SubjectPrefixHandler().Process(TestLists.Bayern(), message);

        Assert.Equal("Subject: " + raw + "\r\n", Assert.Single(Wire.Fields(message.ToBytes(), "Subject")));
    }

    [Fact]
    public void AnAsciiSubjectStaysPlainText()
    {
        var message = Post("Re: Treffen");

        new SubjectPrefixHandler().Process(TestLists.Bayern(), message);

        Assert.Equal("Subject: [Bayern] Re: Treffen\r\n", Assert.Single(Wire.Fields(message.ToBytes(), "Subject")));
    }

    [Fact]
    public void ARaw8BitUtf8SubjectComesOutEncoded()
    {
        var message = Post("Frühjahrstreffen München");

        new SubjectPrefixHandler().Process(TestLists.Bayern(), message);

        Assert.Equal(Expected, message.Headers[HeaderId.Subject]);
        Wire.AssertAscii(Assert.Single(Wire.Fields(message.ToBytes(), "Subject")));
    }

    [Fact]
    public void AMissingSubjectGetsThePrefix()
    {
        var message = Wire.Parse("From: erika@example.org", "", "Hallo", "");

        new SubjectPrefixHandler().Process(TestLists.Bayern(), message);

        Assert.Equal("[Bayern]", message.Headers[HeaderId.Subject]);
        Assert.Equal(1, message.Headers.Count(h => h.Id == HeaderId.Subject));
    }

    [Fact]
    public void TheSubjectKeepsItsPositionAmongTheHeaders()
    {
        var message = Post("Hallo");
        var before = message.Headers.Select(h => h.Field).ToList();

        new SubjectPrefixHandler().Process(TestLists.Bayern(), message);

        Assert.Equal(before, message.Headers.Select(h => h.Field).ToList());
    }

    [Fact]
    public void AListWithoutPrefixLeavesTheMessageAlone()
    {
        var message = Post("=?utf-8?q?Fr=C3=BChjahrstreffen?=");
        var before = message.ToBytes();

        new SubjectPrefixHandler().Process(TestLists.Bayern(l => l.SubjectPrefix = ""), message);

        Assert.Equal(before, message.ToBytes());
    }

    [Fact]
    public void TheBodyIsNotTouched()
    {
        var message = Post("=?utf-8?q?Fr=C3=BChjahrstreffen?=");

        new SubjectPrefixHandler().Process(TestLists.Bayern(), message);

        Assert.Equal(Encoding.ASCII.GetBytes("Hallo\r\n"), Wire.BodyAfterFirstBlankLine(message.ToBytes()));
    }
}
