using System.Text;
using Integreat.Lists.Core.Archiving;

namespace Integreat.Lists.Core.Tests.Archiving;

public sealed class ArchivedPostReaderTests
{
    static byte[] Post(string headers, string body)
        => Encoding.UTF8.GetBytes(("From: Erika Muster <erika@example.org>\nTo: bayern@lists.integreat.example\nSubject: Protokoll\n" +
                                   "Message-ID: <p1@example.org>\nDate: Mon, 30 Nov 2026 09:00:00 +0100\n" + headers + "\n" + body)
            .ReplaceLineEndings("\r\n"));

    [Fact]
    public void TheSearchWordsComeFromTheInlineTextPartNotFromAnAttachment()
    {
        var raw = Post("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n",
            "--b\nContent-Type: text/plain; name=anlage.txt\nContent-Disposition: attachment\n\nAnlagenwort\n" +
            "--b\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nF=F6rdermittel f=FCr Kommunen\n--b--\n");

        var (post, search) = ArchivedPostReader.Read("p1", "bayern@lists.integreat.example", raw, new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal("Erika Muster", post.SenderName);
        Assert.Contains(search.Terms, t => t.StartsWith("forder", StringComparison.Ordinal) || t.StartsWith("förder", StringComparison.Ordinal));
        Assert.DoesNotContain(search.Terms, t => t.Contains("anlagenwort", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ALongBodyIsIndexedFromItsTopOnly()
    {
        var filler = string.Concat(Enumerable.Repeat("Protokoll des Netzwerktreffens in Bayern.\n", ArchivedPostReader.MaxIndexedChars / 40 + 10));
        var raw = Post("", "Haushaltsplanung am Anfang\n" + filler + "Schlusswortganzunten\n");

        var (_, search) = ArchivedPostReader.Read("p1", "bayern@lists.integreat.example", raw, DateTime.UtcNow);

        Assert.Contains(search.Terms, t => t.Contains("haushaltsplanung", StringComparison.Ordinal));
        Assert.DoesNotContain(search.Terms, t => t.Contains("schlusswortganzunten", StringComparison.Ordinal));
        Assert.True(search.Body.Length <= ArchivedPostReader.MaxIndexedChars);
    }
}
