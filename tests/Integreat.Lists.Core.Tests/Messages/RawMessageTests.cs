using System.Text;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Messages;

public sealed class RawMessageTests
{
    static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void AMessageWithAnEmptyBodyRoundTripsExactly()
    {
        var input = Ascii("From: erika@example.org\r\nSubject: Leer\r\n\r\n");

        var message = RawMessage.Parse(input);

        Assert.True(message.Body.IsEmpty);
        Assert.Equal(["From", "Subject"], message.Headers.Select(h => h.Field));
        Assert.Equal("Leer", message.Headers[HeaderId.Subject]);
        Assert.Equal(input, message.ToBytes());
    }

    [Fact]
    public void AHeaderOnlyMessageWithoutBlankLineGetsOne()
    {
        var input = Ascii("From: erika@example.org\r\nSubject: Nur Kopf\r\n");

        var message = RawMessage.Parse(input);

        Assert.True(message.Body.IsEmpty);
        Assert.Equal("Nur Kopf", message.Headers[HeaderId.Subject]);
        Assert.Equal(Ascii("From: erika@example.org\r\nSubject: Nur Kopf\r\n\r\n"), message.ToBytes());
    }

    [Fact]
    public void AHeaderOnlyMessageWithoutFinalLineEndIsParsed()
    {
        var message = RawMessage.Parse(Ascii("From: erika@example.org\r\nSubject: Ohne Ende"));

        Assert.True(message.Body.IsEmpty);
        Assert.Equal("erika@example.org", message.Headers[HeaderId.From]?.Trim());
        Assert.Equal("Ohne Ende", message.Headers[HeaderId.Subject]);
    }

    [Fact]
    public void LfOnlyLineEndsSplitAtTheFirstEmptyLineAndKeepTheBody()
    {
        var input = Ascii("From: erika@example.org\nSubject: Unix\n  gefaltet\n\nErste Zeile\n\nNach Leerzeile\n");

        var message = RawMessage.Parse(input);

        Assert.Equal(Ascii("Erste Zeile\n\nNach Leerzeile\n"), message.Body.ToArray());
        Assert.Equal(["From", "Subject"], message.Headers.Select(h => h.Field));
        Assert.Equal("Unix  gefaltet", message.Headers[HeaderId.Subject]?.Trim()); // unfolding removes the line end only (RFC 5322 §2.2.3)
        var output = message.ToBytes();
        Assert.Equal(Ascii("Erste Zeile\n\nNach Leerzeile\n"), output[^message.Body.Length..]);
        // The headers go out with CRLF, followed by the CRLF blank line.
        Assert.StartsWith("From: erika@example.org\r\nSubject: Unix\r\n  gefaltet\r\n\r\n", Encoding.ASCII.GetString(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r\nKein Kopf, nur Text\r\n")]
    [InlineData("\nKein Kopf, nur Text\n")]
    public void AMessageWithoutHeaderFieldsKeepsItsBody(string text)
    {
        // The blank line that ends the (empty) header block is the very first line.
        var input = Ascii(text);
        var body = Ascii(text.TrimStart('\r', '\n'));

        var message = RawMessage.Parse(input);

        Assert.Empty(message.Headers);
        Assert.Equal(body, message.Body.ToArray());
        Assert.Equal([.. "\r\n"u8, .. body], message.ToBytes());
    }

    [Fact]
    public void ALeakedMboxFromLineIsDroppedAndTheRestKept()
    {
        var input = Ascii("From erika@example.org  Mon Mar  3 10:00:00 2025\r\nFrom: erika@example.org\r\nSubject: x\r\n\r\nFrom here\r\n");

        var message = RawMessage.Parse(input);

        Assert.Equal(["From", "Subject"], message.Headers.Select(h => h.Field));
        Assert.Equal(Ascii("From here\r\n"), message.Body.ToArray());
        Assert.Equal(Ascii("From: erika@example.org\r\nSubject: x\r\n\r\nFrom here\r\n"), message.ToBytes());
    }

    [Fact]
    public void TheBodyStartsAfterTheFirstBlankLineOnly()
    {
        var input = Ascii("Subject: x\r\n\r\nKein: Header\r\n\r\nNoch: einer\r\n");

        var message = RawMessage.Parse(input);

        Assert.Single(message.Headers);
        Assert.Equal(Ascii("Kein: Header\r\n\r\nNoch: einer\r\n"), message.Body.ToArray());
    }

    [Fact]
    public void AnUnchangedMessageRoundTripsExactly()
    {
        var input = Wire.Crlf(
            "Received: from a.example.org by b.example.org;",
            "\t Mon, 3 Mar 2025 10:00:00 +0100",
            "From:   \"Müller, Heinz\"  <heinz@example.org>",
            "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=",
            "X-Empty:",
            "",
            "Körper\tmit Tab",
            ".",
            "");

        var message = RawMessage.Parse(input);

        Assert.Equal(input, message.ToBytes());
        Assert.Equal("Grüße", message.Headers[HeaderId.Subject]);
    }
}
