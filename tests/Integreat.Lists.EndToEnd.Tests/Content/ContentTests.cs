using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Content;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Content;

/// <summary>A post to a state list (seeded with the shipped footer) over real SMTP: the members get it with the
/// footer and without the program attached; the PDF arrives byte for byte; on a list that holds, the post waits.</summary>
public sealed class ContentTests : IAsyncLifetime
{
    const string Moderator = "moderatorin@kommune.de";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, settings => settings.Lists[0].Footer = true);
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
        _daemon.AddMembers([Moderator], MemberRole.Moderator);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    static MimeMessage PostWithProgram()
    {
        var message = Messages.Post("erika@example.org", "Protokoll und Werkzeug", "Hallo zusammen,\r\nanbei das Protokoll.\r\n");
        var text = (TextPart)message.Body!;
        var pdf = new MimePart("application", "pdf")
        {
            FileName = "Protokoll.pdf", Content = new MimeContent(new MemoryStream(Pdf)), ContentTransferEncoding = ContentEncoding.Base64,
        };
        var exe = new MimePart("application", "octet-stream")
        {
            FileName = "Rechnung.pdf.exe", Content = new MimeContent(new MemoryStream("MZ\u0090\0"u8.ToArray())),
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        message.Body = new Multipart("mixed") { text, pdf, exe };
        return message;
    }

    [Fact]
    public async Task MembersGetTheFooterAndNoProgram()
    {
        var sent = Messages.Bytes(PostWithProgram());

        await _daemon.PostRawAsync(sent, "erika@example.org", TestDaemon.Bayern);

        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        var map = MimeMap.TryParse(sent)!;
        var span = map[map.Message.Attachments.OfType<MimePart>().First(p => p.FileName == "Protokoll.pdf")];
        var pdfBytes = map.Original(span.Begin, span.End);
        foreach (var copy in _smarthost.Messages)
        {
            var message = copy.ToMimeMessage();
            var attachments = message.Attachments.OfType<MimePart>().ToList();
            Assert.Equal(["Protokoll.pdf"], attachments.Select(a => a.FileName));
            Assert.True(copy.Data.AsSpan().IndexOf(pdfBytes) >= 0, "the PDF part changed");
            var texts = message.BodyParts.OfType<TextPart>().Select(p => p.Text).ToList();
            Assert.Contains(texts, t => t.Contains("„Rechnung.pdf.exe“") && t.Contains("entfernt"));
            var footer = Assert.Single(texts, t => t.Contains("bayern-leave@lists.integreat.example"));
            Assert.Contains("Archiv: http://127.0.0.1:0/archive/bayern@lists.integreat.example", footer);
            Assert.Contains("Abmelden", footer);
        }
    }

    [Fact]
    public async Task AListThatHoldsKeepsThePostForTheModerator()
    {
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.Content.FilterAction = ContentFilterAction.Hold;
        lists.Update(list);

        await _daemon.PostAsync(PostWithProgram(), "erika@example.org", TestDaemon.Bayern);

        await _smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.SequenceEqual([Moderator])), Timeout);
        var notice = _smarthost.Messages.Single(m => m.Recipients.SequenceEqual([Moderator])).ToMimeMessage();
        Assert.Contains("„Rechnung.pdf.exe“", notice.TextBody);
        Assert.Single(_daemon.Get<ISpool>().List(QueueName.Hold));
        Assert.DoesNotContain(_smarthost.Messages, m => m.Recipients.Contains("max@example.net"));
    }
}
