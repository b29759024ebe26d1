using System.Text;
using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Handlers;

public sealed class PostingPipelineTests
{
    const string Received =
        "Received: from mail.example.org (mail.example.org [192.0.2.1])\r\n" +
        "\tby mx.lists.integreat.example   (Postfix)  with ESMTP id 4ABC123\r\n" +
        "      for <bayern@lists.integreat.example>;   Mon, 3 Mar 2025 10:00:00 +0100  \r\n";

    const string OddHeader = "X-Odd:no-space-after-colon   and   runs   of   spaces\t\r\n";

    static byte[] MultipartPost(string subject = "Re: [Bayern] Treffen")
    {
        var headers =
            Received +
            "From: Erika Mustermann <erika@example.org>\r\n" +
            "To: bayern@lists.integreat.example\r\n" +
            "Subject: " + subject + "\r\n" +
            "Message-ID: <20250303.1@example.org>\r\n" +
            "Bcc: geheim@example.org\r\n" +
            OddHeader +
            "X-Umlaut: Grüße aus München\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed;\r\n boundary=\"=-=XYZ=-=\"\r\n" +
            "\r\n";
        var body =
            "This is the preamble, ignored by MIME readers.\r\n" +
            "From the preamble, a line that mbox would escape\r\n" +
            "\r\n" +
            "--=-=XYZ=-=\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: quoted-printable\r\n" +
            "\r\n" +
            "Gr=C3=BC=C3=9Fe aus M=C3=BCnchen, eine sehr lange Zeile mit weichem Umbruch am =\r\n" +
            "Ende=20\r\n" +
            "From here on it is QP text.\r\n" +
            ".\r\n" +
            "=2E\r\n" +
            "--=-=XYZ=-=\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n" +
            "\r\n" +
            "Grüße aus München – 8-bit UTF-8 ohne Kodierung.\r\n" +
            "From Munich with love\r\n" +
            ".\r\n" +
            "..\r\n" +
            "trailing spaces   \r\n" +
            "\r\n" +
            "--=-=XYZ=-=--\r\n" +
            "The epilogue, also ignored.\r\n" +
            "From the epilogue\r\n" +
            ".\r\n";
        return [.. Encoding.UTF8.GetBytes(headers), .. Encoding.UTF8.GetBytes(body)];
    }

    static MailingList List(ReplyToPolicy policy = ReplyToPolicy.None) => TestLists.Bayern(l => l.ReplyTo = policy);

    [Theory]
    [InlineData(ReplyToPolicy.None)]
    [InlineData(ReplyToPolicy.Poster)]
    [InlineData(ReplyToPolicy.List)]
    public void TheBodyGoesOutByteForByte(ReplyToPolicy policy)
    {
        var input = MultipartPost();
        var expectedBody = Wire.BodyAfterFirstBlankLine(input);

        var output = new PostingPipeline().Process(List(policy), RawMessage.Parse(input));

        Assert.Equal(expectedBody, Wire.BodyAfterFirstBlankLine(output));
    }

    [Fact]
    public void ASinglePartQuotedPrintableBodyGoesOutByteForByte()
    {
        var input = Wire.Crlf(
            "From: erika@example.org",
            "To: bayern@lists.integreat.example",
            "Subject: =?utf-8?q?Fr=C3=BChjahrstreffen?=",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Gr=C3=BC=C3=9Fe=",
            "From here",
            ".",
            "",
            "");
        var expectedBody = Wire.BodyAfterFirstBlankLine(input);

        var output = new PostingPipeline().Process(List(), RawMessage.Parse(input));

        Assert.Equal(expectedBody, Wire.BodyAfterFirstBlankLine(output));
    }

    [Fact]
    public void UneditedHeadersKeepTheirExactRawBytes()
    {
        var output = new PostingPipeline().Process(List(), RawMessage.Parse(MultipartPost()));

        var headerBytes = output[..(Wire.IndexOf(output, "\r\n\r\n"u8) + 2)];
        foreach (var field in new[]
                 {
                     Received, OddHeader, "From: Erika Mustermann <erika@example.org>\r\n", "To: bayern@lists.integreat.example\r\n",
                     "Message-ID: <20250303.1@example.org>\r\n", "X-Umlaut: Grüße aus München\r\n",
                     "Content-Type: multipart/mixed;\r\n boundary=\"=-=XYZ=-=\"\r\n",
                 })
        {
            Assert.True(Wire.IndexOf(headerBytes, Encoding.UTF8.GetBytes(field)) >= 0, "header not kept byte for byte: " + field);
        }
    }

    [Fact]
    public void TheEditedHeadersComeOutAsExpected()
    {
        var output = new PostingPipeline().Process(List(), RawMessage.Parse(MultipartPost()));

        using var stream = new MemoryStream(output);
        var parsed = MimeMessage.Load(stream);
        Assert.Equal("[Bayern] Re: Treffen", parsed.Subject);
        Assert.Empty(parsed.Bcc);
        Assert.Equal("list", parsed.Headers[HeaderId.Precedence]?.Trim());
        Assert.Equal("bayern@lists.integreat.example", parsed.Headers["X-BeenThere"]?.Trim());
        Assert.Equal("\"Integreat Bayern\" <bayern.lists.integreat.example>", parsed.Headers[HeaderId.ListId]?.Trim());
        Assert.Equal(2, Assert.IsType<Multipart>(parsed.Body).Count);
    }
}
