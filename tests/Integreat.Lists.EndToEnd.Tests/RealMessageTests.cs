using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Posting.Rules;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>Real and odd real-world messages go through a list with a footer (as the state lists have) keeping every
/// part's bytes: the footer is appended to a single text part or added as a part of its own, HTML-only posts gain a
/// text alternative, and signed messages keep their whole body.</summary>
public sealed class RealMessageTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, settings => settings.Lists[0].Footer = true);
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
        // Real messages name other addresses in To, have no Subject and so on, which the posting chain holds; the
        // list's approval passphrase lets them through, and the cleanse handler removes it again.
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.Posting.ApprovalPassphraseHash = Convert.ToHexStringLower(ApprovedRule.Hash(Passphrase));
        lists.Update(list);
    }

    const string Passphrase = "Freigabe-2026";

    /// <summary>Adds the Approved: header as the first field, after an mbox From_ line if there is one.</summary>
    static byte[] Approved(byte[] raw)
    {
        var at = raw.AsSpan().StartsWith("From "u8) ? Array.IndexOf(raw, (byte)'\n') + 1 : 0;
        return [.. raw[..at], .. Encoding.ASCII.GetBytes($"Approved: {Passphrase}\r\n"), .. raw[at..]];
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedCorpus.Root, "corpus", "mime"), "*.eml").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task CorpusMessageArrivesWithItsPartsUnchangedAndTheFooterOnce(string file)
    {
        var sent = SharedCorpus.AsSmtpBytes(Path.Combine(SharedCorpus.Root, "corpus", "mime", file));

        await _daemon.PostRawAsync(Approved(sent), "erika@example.org", TestDaemon.Bayern);

        await _smarthost.WaitForRecipientsAsync(2, Timeout);
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Shunt));
        Assert.All(_smarthost.Messages, copy => KeptParts.Assert(sent, copy.Data));
        Assert.All(_smarthost.Messages, copy => Assert.DoesNotContain(Passphrase, Encoding.ASCII.GetString(copy.Data)));
        // The body is edited once per post, so every member gets the same body (only per-copy header fields differ).
        Assert.Single(_smarthost.Messages.Select(copy => Convert.ToBase64String(Messages.BodyOf(copy.Data))).Distinct());
        var copy = _smarthost.Messages[0].Data;
        Assert.Equal(KeptParts.IsProtected(sent) ? 0 : 1, KeptParts.Count(copy, "Abmelden: eine leere Nachricht"));
    }

    [Fact]
    public async Task GermanPostWithUmlautsHtmlAndPdfArrivesIntact()
    {
        var post = GermanArticlePost();
        var sent = Messages.Bytes(post);

        await _daemon.PostAsync(post, "erika@example.org", TestDaemon.Bayern);

        await _smarthost.WaitForRecipientsAsync(2, Timeout);
        foreach (var copy in _smarthost.Messages)
        {
            // The body is wrapped whole, with the footer as a second part.
            Assert.True(copy.Data.AsSpan().IndexOf(Messages.BodyOf(sent)) >= 0, "the body bytes changed");
            Assert.All(copy.Data, b => Assert.True(b < 128, "8-bit byte in a 7-bit post"));
            var message = copy.ToMimeMessage();
            Assert.Equal("[Bayern] Erste Integreat-Netzwerktreffen im Juni – Fördermittel & Wirkungsmessung", message.Subject);
            Assert.Contains("Städte und Landkreise", message.TextBody);
            Assert.Contains("<p>Im Juni haben", message.HtmlBody);
            var pdf = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
            Assert.Equal("Protokoll-Netzwerktreffen.pdf", pdf.FileName);
            var footer = message.BodyParts.OfType<TextPart>().Last();
            Assert.Contains("Abmelden: eine leere Nachricht an bayern-leave@lists.integreat.example", footer.Text);
        }
    }

    static MimeMessage GermanArticlePost()
    {
        var seed = File.ReadAllText(Path.Combine(SharedCorpus.Root, "seeds", "000_bad4e0f03bdc3726.txt"), Encoding.UTF8);
        var paragraphs = seed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(4).ToList();
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Erika Müßig", "erika@example.org"));
        message.To.Add(new MailboxAddress("Integreat Bayern", TestDaemon.Bayern));
        message.Subject = "Erste Integreat-Netzwerktreffen im Juni – Fördermittel & Wirkungsmessung";
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.org");
        var text = new TextPart("plain") { Text = string.Join("\r\n\r\n", paragraphs) };
        text.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        var html = new TextPart("html") { Text = "<html><body>" + string.Concat(paragraphs.Select(p => $"<p>{p}</p>")) + "</body></html>" };
        html.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        var pdf = new MimePart("application", "pdf")
        {
            FileName = "Protokoll-Netzwerktreffen.pdf",
            Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))),
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        message.Body = new Multipart("mixed") { new MultipartAlternative { text, html }, pdf };
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }
}
