using System.Text;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Content;

/// <summary>How the footer is added to a one-part text post (the golden files show the common cases).</summary>
public sealed class FooterDecoratorTests
{
    static byte[] Decorate(string contentType, string transfer, byte[] body, string footer = "Grüße von der Liste")
    {
        var head = Wire.Crlf("From: erika@example.org", "Subject: x", "Content-Type: " + contentType, "Content-Transfer-Encoding: " + transfer, "", "");
        var list = TestLists.Bayern(l => l.Footer = footer);
        return GoldenContentTests.Pipeline.Process(list, [.. head, .. body]);
    }

    static MimeMessage Parse(byte[] bytes) => MimeMessage.Load(new MemoryStream(bytes));

    [Fact]
    public void AsciiTextWithAnAsciiFooterStaysAscii()
    {
        var output = Decorate("text/plain; charset=us-ascii", "7bit", Wire.Crlf("Hallo", ""), footer: "-- Liste");
        var message = Parse(output);

        var part = Assert.IsType<TextPart>(message.Body);
        Assert.Equal("us-ascii", part.ContentType.Charset);
        Assert.Equal(ContentEncoding.SevenBit, part.ContentTransferEncoding);
        Assert.EndsWith("\r\n\r\nHallo\r\n-- Liste\r\n", Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void EightBitTextLabelledAsciiIsWrappedNotGuessedAt()
    {
        var message = Parse(Decorate("text/plain; charset=us-ascii", "8bit", [.. Encoding.Latin1.GetBytes("Gr\u00fc\u00dfe\r\n")]));

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.Equal(2, mixed.Count);
        Assert.Contains("Grüße von der Liste", ((TextPart)mixed[1]).Text);
    }

    [Fact]
    public void ACharsetThatCannotCarryTheFooterIsWrapped()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var body = Encoding.GetEncoding("koi8-r").GetBytes("Привет\r\n");

        var output = Decorate("text/plain; charset=koi8-r", "8bit", body);

        Assert.Equal("multipart/mixed", Parse(output).Body!.ContentType.MimeType);
        // The text part goes inside unchanged (compared as bytes: how MimeKit decodes koi8-r depends on when the
        // code page provider was registered in this process).
        Assert.True(output.AsSpan().IndexOf(body) >= 0);
    }

    [Fact]
    public void AnAttachedTextFileIsWrappedNotAppendedTo()
    {
        var head = Wire.Crlf("From: erika@example.org", "Content-Type: text/plain", "Content-Disposition: attachment; filename=liste.txt", "", "a;b", "");
        var message = Parse(GoldenContentTests.Pipeline.Process(TestLists.Bayern(l => l.Footer = "F"), head));

        Assert.Equal("multipart/mixed", message.Body!.ContentType.MimeType);
    }

    [Fact]
    public void NoFooterNoFilterNoConversionGivesTheSameArray()
    {
        var input = Wire.Crlf("From: erika@example.org", "Content-Type: text/html", "", "<p>x</p>", "");
        var list = TestLists.Bayern(l => l.Content.ConvertHtml = false);

        Assert.Same(input, GoldenContentTests.Pipeline.Process(list, input));
    }

    [Fact]
    public void AMessageWithoutContentFieldsIsPlainTextAndGetsTheFooterAppended()
    {
        var input = Wire.Crlf("From: erika@example.org", "Subject: x", "", "Hallo", "");

        var message = Parse(GoldenContentTests.Pipeline.Process(TestLists.Bayern(l => l.Footer = "Grüße"), input));

        Assert.Equal("Hallo\nGrüße\n", Assert.IsType<TextPart>(message.Body).Text);
        Assert.Equal("1.0", message.Headers[HeaderId.MimeVersion]?.Trim());
    }

    [Fact]
    public void EightBitUtf8TextKeepsItsBytesAndItsFieldsAndGetsTheFooterBytesAfterThem()
    {
        var body = Encoding.UTF8.GetBytes("Grüße aus Würzburg\r\n= kein Escape\r\n");
        var output = Decorate("text/plain; charset=UTF-8", "8bit", body);

        var expected = Wire.Crlf("From: erika@example.org", "Subject: x", "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit", "", "");
        Assert.Equal([.. expected, .. body, .. Encoding.UTF8.GetBytes("Grüße von der Liste\r\n")], output);
        Assert.Equal("Grüße aus Würzburg\n= kein Escape\nGrüße von der Liste\n", Assert.IsType<TextPart>(Parse(output).Body).Text);
    }

    [Fact]
    public void TextWithBareLineFeedsIsRewrittenWithCrlfAsMimeKitWritesIt()
    {
        var output = Decorate("text/plain; charset=utf-8", "8bit", Encoding.UTF8.GetBytes("eins\nzwei\n"));

        Assert.EndsWith("\r\n\r\neins\r\nzwei\r\nGrüße von der Liste\r\n", Encoding.UTF8.GetString(output));
    }

    [Fact]
    public void AFooterLineTooLongFor7bitSwitchesTheTextToQuotedPrintable()
    {
        var footer = new string('b', 1000);
        var output = Decorate("text/plain; charset=us-ascii", "7bit", Wire.Crlf("Hallo", ""), footer: footer);

        var part = Assert.IsType<TextPart>(Parse(output).Body);
        Assert.Equal(ContentEncoding.QuotedPrintable, part.ContentTransferEncoding);
        Assert.Equal("Hallo\n" + footer + "\n", part.Text);
    }

    [Fact]
    public void TheUtf8AliasMailProgramsWriteIsUtf8()
    {
        var body = Encoding.UTF8.GetBytes("Grüße\r\n");
        var output = Decorate("text/plain; charset=utf8", "8bit", body);

        Assert.EndsWith("Grüße\r\nGrüße von der Liste\r\n", Encoding.UTF8.GetString(output));
        Assert.IsType<TextPart>(Parse(output).Body);
    }

    [Fact]
    public void AFooterTemplateEndingInANewlineAddsNoBlankLine()
    {
        var output = Decorate("text/plain; charset=us-ascii", "7bit", Wire.Crlf("Hallo", ""), footer: "-- Liste\n\n");

        Assert.EndsWith("\r\n\r\nHallo\r\n-- Liste\r\n", Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void TextWithABareCarriageReturnThatWouldNeedReEncodingKeepsItsBytesAndTheFooterGoesInItsOwnPart()
    {
        // The umlauts of the footer would turn the 7bit text into UTF-8 quoted-printable, and MimeKit's encoder
        // writes a lone CR as a line break: the text must not change.
        var body = Encoding.ASCII.GetBytes("Spalte1\rSpalte2\r\nEnde\r\n");

        var output = Decorate("text/plain; charset=us-ascii", "7bit", body);

        var mixed = Assert.IsType<Multipart>(Parse(output).Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.True(output.AsSpan().IndexOf(body) >= 0);
        Assert.Contains("Grüße von der Liste", ((TextPart)mixed[1]).Text);
    }

    [Fact]
    public void TextWithABareCarriageReturnAndAnAsciiFooterGetsTheFooterBytesAppended()
    {
        var body = Encoding.ASCII.GetBytes("Spalte1\rSpalte2\r\n");

        var output = Decorate("text/plain; charset=us-ascii", "7bit", body, footer: "-- Liste");

        Assert.EndsWith("\r\n\r\nSpalte1\rSpalte2\r\n-- Liste\r\n", Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void AUuencodedTextKeepsItsFileNameAndTheFooterGoesInItsOwnPart()
    {
        var body = Wire.Crlf("begin 644 notiz.txt", "%2&%L;&\\*", "`", "end", "");

        var output = Decorate("text/plain; charset=us-ascii", "x-uuencode", body, footer: "-- Liste");

        Assert.Equal("multipart/mixed", Parse(output).Body!.ContentType.MimeType);
        Assert.True(output.AsSpan().IndexOf(body) >= 0);
    }
}
