using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Archive;

/// <summary>A running daemon with a public Bayern archive holding real posts (German text, a thread, a hostile HTML
/// post, an attachment), sent through SMTP and delivered, and an HTTP client on its web port.</summary>
public sealed class ArchiveWebFixture : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    public const string Hessen = "hessen@lists.integreat.example";
    public const string Nrw = "nrw@lists.integreat.example";
    public static readonly DateTimeOffset Sent = new(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    public static readonly byte[] Pdf = "%PDF-1.4\n% Protokoll\n"u8.ToArray();
    FakeSmarthost _smarthost = null!;

    public FakeSmarthost Smarthost => _smarthost;

    public TestDaemon Daemon { get; private set; } = null!;
    // No cookies: the language switch of one test must not carry over to the next.
    public HttpClient Http { get; } = new(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    public IArchiveStore Archive => Daemon.Get<IArchiveStore>();
    public string Base => "/archive/" + TestDaemon.Bayern;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        Daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        Http.BaseAddress = await Daemon.WebUrlAsync();
        var lists = Daemon.Get<IListRepository>();
        var bayern = lists.Find(TestDaemon.Bayern)!;
        bayern.Archive = ArchivePolicy.Public;
        lists.Update(bayern);
        lists.Insert(MailingList.Create(Hessen, "Integreat Hessen", DateTime.UtcNow));
        var nrw = MailingList.Create(Nrw, "Integreat NRW", DateTime.UtcNow);
        nrw.Archive = ArchivePolicy.Off;
        lists.Insert(nrw);
        Daemon.AddMembers(["erika@example.org", "max@example.net"]);
        Daemon.AddMembers(["erika@example.org"], list: Hessen);
        var posts = Posts().ToList();
        foreach (var (message, sender) in posts)
        {
            await Daemon.PostAsync(message, sender, message.To.Mailboxes.First().Address);
            // One at a time, so each reply finds its parent archived.
            await _smarthost.WaitForAsync(s => s.Messages.Count(m => m.ToMimeMessage().MessageId == message.MessageId) > 0, Timeout);
        }
    }

    public ArchivedPost Post(string subjectPart) => Archive.ForList(TestDaemon.Bayern).Single(p => p.Subject.Contains(subjectPart, StringComparison.Ordinal));

    static IEnumerable<(MimeMessage, string)> Posts()
    {
        var first = Message("Erika Muster <erika@example.org>", "Fördermittel für Integrationskurse", Sent.AddHours(-1),
            new TextPart("plain") { Text = "Liebe Kolleginnen und Kollegen,\r\nwer hat schon Anträge für die Fördermittel gestellt?\r\nViele Grüße aus Würzburg\r\n" });
        yield return (first, "erika@example.org");
        var reply = Message("Max Mustermann <max@example.net>", "AW: [Bayern] Fördermittel für Integrationskurse", Sent,
            new TextPart("plain") { Text = "Wir haben im März beantragt; das Protokoll hängt an.\r\n" });
        reply.InReplyTo = first.MessageId;
        reply.References.Add(first.MessageId!);
        var mixed = new Multipart("mixed") { reply.Body! };
        mixed.Add(new MimePart("application", "pdf") { FileName = "Protokoll März.pdf", Content = new MimeContent(new MemoryStream(Pdf)),
            ContentTransferEncoding = ContentEncoding.Base64 });
        reply.Body = mixed;
        yield return (reply, "max@example.net");
        var html = new TextPart("html")
        {
            Text = "<p onclick=\"alert(0)\">Einladung zum Straßenfest</p><script>alert(1)</script>" +
                   "<img src=\"http://tracker.example/pixel.png\" onerror=\"alert(2)\" alt=\"Logo\">" +
                   "<img src=\"cid:wappen@example.org\" alt=\"Wappen\">" +
                   "<a href=\"javascript:alert(3)\">klicken</a> <a href=\"https://integreat.example/fest\">Programm</a>" +
                   "<div style=\"background-image:url(http://tracker.example/bg.png)\">Ende</div>",
        };
        var image = new MimePart("image", "png") { ContentId = "wappen@example.org", Content = new MimeContent(new MemoryStream(Png)),
            ContentTransferEncoding = ContentEncoding.Base64 };
        var hostile = Message("Max Mustermann <max@example.net>", "Newsletter Straßenfest", Sent.AddHours(1), new MultipartRelated { html, image });
        yield return (hostile, "max@example.net");
        var other = Message("Erika Muster <erika@example.org>", "Fördermittel in Hessen", Sent, new TextPart("plain") { Text = "Nur für Hessen.\r\n" });
        other.To.Clear();
        other.To.Add(MailboxAddress.Parse(Hessen));
        yield return (other, "erika@example.org");
    }

    static MimeMessage Message(string from, string subject, DateTimeOffset date, MimeEntity body)
    {
        var message = new MimeMessage { Subject = subject, Date = date, Body = body };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(TestDaemon.Bayern));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.org");
        return message;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }
}
