using System.Text;
using System.Text.Json;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Cli;
using Integreat.Lists.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Archive;

/// <summary><c>person export</c> lists the posts a person wrote in the archives of two lists; <c>person forget</c>
/// pseudonymises them (the default), leaving other authors' posts alone.</summary>
public sealed class ArchivePrivacyTests : IDisposable
{
    const string ListA = "a@lists.example.org";
    const string ListB = "b@lists.example.org";
    readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Export_lists_archived_posts_on_both_lists_and_forget_pseudonymises_only_them()
    {
        (await _sandbox.RunAsync("lists", "create", ListA)).AssertSuccess();
        (await _sandbox.RunAsync("lists", "create", ListB)).AssertSuccess();
        using (var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath))
        {
            var archive = new LiteArchiveStore(store, _sandbox.Settings.Storage.ArchivePath);
            Record(archive, "p1", ListA, "Erika Muster <erika@example.org>", "Fördermittel", "Fragen an alle.\r\nViele Grüße\r\nErika Muster, erika@example.org\r\n");
            Record(archive, "p2", ListB, "Erika Muster <Erika@Example.org>", "Treffen", "Bis Montag.\r\n");
            Record(archive, "p3", ListA, "Max Mustermann <max@example.net>", "AW: Fördermittel", "Antwort von Max.\r\n");
        }

        var export = JsonDocument.Parse((await _sandbox.RunAsync("person", "export", "erika@example.org")).AssertSuccess().Out).RootElement;
        var posts = export.GetProperty("archivedPosts").EnumerateArray().ToList();
        Assert.Equal([ListA, ListB], posts.Select(p => p.GetProperty("list").GetString()).Order());
        Assert.Contains(posts, p => p.GetProperty("subject").GetString() == "Fördermittel");

        var forget = Assert.Single((await _sandbox.RunAsync("person", "forget", "erika@example.org")).AssertSuccess().OutLines);

        Assert.EndsWith("2 archived post(s) pseudonymised", forget);
        using var reopened = new LiteStore(_sandbox.Settings.Storage.DatabasePath);
        var after = new LiteArchiveStore(reopened, _sandbox.Settings.Storage.ArchivePath);
        foreach (var (list, id) in new[] { (ListA, "p1"), (ListB, "p2") })
        {
            var post = after.Find(list, id)!;
            var raw = Encoding.UTF8.GetString(after.Raw(post));
            Assert.StartsWith("forgotten-", post.SenderName);
            Assert.DoesNotContain("erika", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Muster", raw, StringComparison.Ordinal);
            Assert.Empty(after.WithTermPrefix(list, "erika"));
        }
        Assert.Contains("Viele Grüße", ArchivedPostReader.Load(after.Raw(after.Find(ListA, "p1")!)).TextBody);
        Assert.Equal("max@example.net", after.Find(ListA, "p3")!.SenderAddress);
        Assert.Empty(JsonDocument.Parse((await _sandbox.RunAsync("person", "export", "erika@example.org")).AssertSuccess().Out)
            .RootElement.GetProperty("archivedPosts").EnumerateArray());
    }

    internal static ArchivedPost Record(LiteArchiveStore archive, string id, string list, string from, string subject, string text,
        DateTime? archivedUtc = null)
    {
        var message = new MimeMessage { Subject = subject, Date = DateTimeOffset.UtcNow, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(list));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.org");
        message.Headers.Add("Received", "from mail.example.org by mx; Mon, 30 Nov 2026 10:00:00 +0000");
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var recorder = new ArchiveRecorder(archive, Options.Create(new ArchiveOptions()), NullLogger<ArchiveRecorder>.Instance);
        return recorder.Record(id, MailingList.Create(list, null, DateTime.UtcNow), bytes.ToArray(), archivedUtc ?? DateTime.UtcNow)!;
    }

    public void Dispose() => _sandbox.Dispose();
}
