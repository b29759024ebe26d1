using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>A post by SMTP reaches every member once, with list headers; nonmembers get a notice instead.</summary>
public sealed class PostingTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _daemon.AddMembers(["erika@example.org", "max@example.net", "jana@kommune.de"]);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    [Fact]
    public async Task MemberPostReachesEveryMemberOnceWithVerpAndListHeaders()
    {
        var post = Messages.Post("Erika Muster <Erika@Example.org>", "AW: [Bayern] Treffen im Mai");
        post.Bcc.Add(MailboxAddress.Parse("secret@example.org"));
        var sent = Messages.Bytes(post);

        var reply = await _daemon.PostAsync(post, "erika@example.org", TestDaemon.Bayern);

        Assert.StartsWith("2.0.0 queued as", reply);
        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.Equal(["erika@example.org", "jana@kommune.de", "max@example.net"], _smarthost.DeliveredTo.Order());
        foreach (var copy in _smarthost.Messages)
        {
            var recipient = Assert.Single(copy.Recipients);
            Assert.Equal("bayern-bounces+" + recipient.Replace('@', '=') + "@lists.integreat.example", copy.Sender);
            var message = copy.ToMimeMessage();
            Assert.Equal("[Bayern] AW: Treffen im Mai", message.Subject);
            Assert.Equal("\"Integreat Bayern\" <bayern.lists.integreat.example>", message.Headers[HeaderId.ListId]?.Trim());
            Assert.Equal("<mailto:bayern@lists.integreat.example>", message.Headers[HeaderId.ListPost]?.Trim());
            // The web port is on: the member's one-click link, then the mailto (OneClickHeaderTests).
            Assert.EndsWith("<mailto:bayern-leave@lists.integreat.example>", message.Headers[HeaderId.ListUnsubscribe]?.Trim());
            Assert.Equal("list", message.Headers[HeaderId.Precedence]?.Trim());
            Assert.Equal(TestDaemon.Bayern, message.Headers["X-BeenThere"]?.Trim());
            Assert.False(message.Headers.Contains(HeaderId.Bcc));
            Assert.Equal(Messages.BodyOf(sent), Messages.BodyOf(copy.Data));
        }
    }

    [Fact]
    public async Task NonmemberGetsOneBilingualNoticeAndThePostIsNotDistributed()
    {
        var post = Messages.Post("stranger@example.com", "Frage");

        await _daemon.PostAsync(post, "stranger@example.com", TestDaemon.Bayern);

        await _smarthost.WaitForRecipientsAsync(1, Timeout);
        var notice = Assert.Single(_smarthost.Messages);
        Assert.Equal(["stranger@example.com"], notice.Recipients);
        Assert.Equal("bayern-bounces@lists.integreat.example", notice.Sender);
        var message = notice.ToMimeMessage();
        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Equal(post.MessageId, message.InReplyTo);
        var text = message.TextBody ?? "";
        Assert.True(text.IndexOf("Guten Tag", StringComparison.Ordinal) < text.IndexOf("Hello", StringComparison.Ordinal));
        Assert.Contains("nicht als Mitglied der Liste eingetragen", text);
        Assert.Contains("not distributed", text);
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.In));
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Shunt));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("stranger@example.com", "auto-replied")]
    [InlineData("MAILER-DAEMON@example.com", null)]
    public async Task NoNoticeToBouncesOrAutoReplies(string envelopeSender, string? autoSubmitted)
    {
        var post = Messages.Post("stranger@example.com", "Abwesenheitsnotiz");
        if (autoSubmitted is not null) post.Headers.Add("Auto-Submitted", autoSubmitted);
        // A member post after it proves the runner moved on: the nonmember post produced nothing before it.
        await _daemon.PostAsync(post, envelopeSender, TestDaemon.Bayern);
        await _daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.DoesNotContain("stranger@example.com", _smarthost.DeliveredTo);
        Assert.DoesNotContain(_smarthost.DeliveredTo, r => r.StartsWith("mailer-daemon", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, _smarthost.Messages.Count);
    }

    [Fact]
    public async Task PostThatAlreadyWentThroughTheListIsNotRedistributed()
    {
        var looped = Messages.Post("erika@example.org", "Schleife");
        looped.Headers.Add("X-BeenThere", TestDaemon.Bayern);
        await _daemon.PostAsync(looped, "erika@example.org", TestDaemon.Bayern);
        await _daemon.PostAsync(Messages.Post("max@example.net", "Danach"), "max@example.net", TestDaemon.Bayern);

        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.All(_smarthost.Messages, m => Assert.Equal("[Bayern] Danach", m.ToMimeMessage().Subject));
    }

    [Fact]
    public async Task MailToOwnerReachesOwnersUnchanged()
    {
        _daemon.AddMembers(["chefin@landkreis.de"], Core.Model.MemberRole.Owner);
        var raw = Messages.Bytes(Messages.Post("stranger@example.com", "Bitte um Aufnahme"));

        await _daemon.PostRawAsync(raw, "stranger@example.com", "bayern-owner@lists.integreat.example");

        await _smarthost.WaitForRecipientsAsync(1, Timeout);
        var copy = Assert.Single(_smarthost.Messages);
        Assert.Equal(["chefin@landkreis.de"], copy.Recipients);
        Assert.Equal([.. "X-BeenThere: bayern-owner@lists.integreat.example\r\n"u8.ToArray(), .. raw], copy.Data);
    }

    [Fact]
    public async Task WithoutOwnersTheModeratorsReceiveOwnerMail()
    {
        _daemon.AddMembers(["moderatorin@landkreis.de"], Core.Model.MemberRole.Moderator);

        await _daemon.PostAsync(Messages.Post("stranger@example.com", "Frage"), "stranger@example.com", "bayern-owner@lists.integreat.example");

        await _smarthost.WaitForRecipientsAsync(1, Timeout);
        Assert.Equal(["moderatorin@landkreis.de"], _smarthost.DeliveredTo);
    }

    [Fact]
    public async Task ANonmemberGetsAtMostThreeNoticesADay()
    {
        for (var i = 0; i < 4; i++)
            await _daemon.PostAsync(Messages.Post("stranger@example.com", $"Frage {i}"), "stranger@example.com", TestDaemon.Bayern);
        // Ordered processing: once the member post is out, all four nonmember posts were handled.
        await _daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);

        await _smarthost.WaitForAsync(h => h.DeliveredTo.Count(r => r == "jana@kommune.de") == 1, Timeout);
        await _smarthost.WaitForAsync(h => h.DeliveredTo.Count(r => r == "stranger@example.com") >= 3, Timeout);
        Assert.Equal(3, _smarthost.DeliveredTo.Count(r => r == "stranger@example.com"));
    }

    [Fact]
    public async Task RequestMailIsAnsweredAndBounceMailIsProcessedWithoutAReply()
    {
        var processed = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _daemon.Get<Integreat.Lists.Core.Bounces.BounceProcessor>().Processed += (_, scored) => processed.TrySetResult(scored);
        await _daemon.PostAsync(Messages.Post("erika@example.org", "help"), "erika@example.org", "bayern-request@lists.integreat.example");
        await _daemon.PostAsync(Messages.Post("mailer-daemon@example.net", "Undelivered"), "", "bayern-bounces+max=example.net@lists.integreat.example");
        await _daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        // The post reaches three members; the command reply goes to erika once more.
        await _smarthost.WaitForRecipientsAsync(4, Timeout);

        Assert.Equal(["max@example.net"], await processed.Task.WaitAsync(Timeout));
        Assert.Contains(_smarthost.Messages, m => m.Sender == "bayern-bounces@lists.integreat.example" && m.Recipients.SequenceEqual(["erika@example.org"]));
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Bounces));
        Assert.DoesNotContain(_smarthost.DeliveredTo, r => r.StartsWith("mailer-daemon", StringComparison.OrdinalIgnoreCase));
    }
}
