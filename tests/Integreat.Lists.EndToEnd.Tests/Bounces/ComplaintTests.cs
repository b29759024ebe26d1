using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Bounces;

/// <summary>Mail to the bounces address that is no bounce: ARF feedback reports (RFC 5965) are recorded, sent to the
/// owners, and by setting disable delivery to the member, never answered; mail that is no report at all and has no owner
/// to go to is shunted.</summary>
public sealed class ComplaintTests : IAsyncLifetime
{
    const string Member = "max@example.net";
    const string Owner = "chefin@landkreis.de";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    FakeSmarthost _smarthost = null!;
    TestDaemon? _daemon;

    public async Task InitializeAsync() => _smarthost = await FakeSmarthost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_daemon is not null) await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    static byte[] Arf(string originalRcptTo) => Encoding.UTF8.GetBytes($"""
        From: Mailbox Provider Feedback <fbl@provider.example>
        To: bayern-bounces@lists.integreat.example
        Subject: Spam complaint
        Message-ID: <arf-1@provider.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"

        --ARF
        Content-Type: text/plain

        This is an email abuse report for an email message received from IP 192.0.2.1.

        --ARF
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: ProviderFBL/1.0
        Version: 1
        {originalRcptTo}

        --ARF
        Content-Type: text/rfc822-headers

        From: erika@example.org
        To: bayern@lists.integreat.example
        Subject: [Bayern] Treffen

        --ARF--
        """.ReplaceLineEndings("\r\n") + "\r\n");

    async Task<IReadOnlyList<string>> ComplainAsync(bool disable, string envelopeRecipient, string originalRcptTo)
    {
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s => s.Bounces.DisableOnComplaint = disable);
        _daemon.AddMembers(["erika@example.org", Member]);
        _daemon.AddMembers([Owner], MemberRole.Owner);
        var processed = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _daemon.Get<BounceProcessor>().Processed += (_, scored) => processed.TrySetResult(scored);
        Assert.StartsWith("250", await _daemon.PostRawAsync(Arf(originalRcptTo), "fbl@provider.example", envelopeRecipient));
        var scored = await processed.Task.WaitAsync(Timeout);
        await _smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.Contains(Owner)), Timeout);
        return scored;
    }

    [Fact]
    public async Task AComplaintViaVerpIsRecordedSentToTheOwnersAndDisablesDeliveryWhenSet()
    {
        var scored = await ComplainAsync(disable: true, "bayern-bounces+max=example.net@lists.integreat.example", "");

        Assert.Equal([Member], scored);
        var notice = Assert.Single(_smarthost.Messages).ToMimeMessage();
        Assert.Equal([Owner], notice.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Beschwerde / Complaint: " + Member, notice.Subject);
        Assert.Contains("Die Zustellung an diese Adresse ist jetzt ausgesetzt.", notice.TextBody);
        Assert.Equal(DeliveryStatus.ByComplaint, _daemon!.Get<IRosterRepository>().Find(TestDaemon.Bayern, Member)!.Delivery);
        var recorded = Assert.Single(_daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));
        Assert.Equal(("complaint", Member, "abuse"), (recorded.Kind, recorded.Address, recorded.Reply));
    }

    [Fact]
    public async Task ByDefaultAComplaintNamedByOriginalRcptToLeavesDeliveryOn()
    {
        await ComplainAsync(disable: false, "bayern-bounces@lists.integreat.example", "Original-Rcpt-To: <max@example.net>");

        Assert.Contains("Die Zustellung an diese Adresse läuft weiter.", Assert.Single(_smarthost.Messages).ToMimeMessage().TextBody);
        Assert.Equal(DeliveryStatus.Enabled, _daemon!.Get<IRosterRepository>().Find(TestDaemon.Bayern, Member)!.Delivery);
        Assert.DoesNotContain(_smarthost.Messages, m => m.Recipients.Contains("fbl@provider.example"));
    }

    [Fact]
    public async Task MailToTheBouncesAddressThatIsNoReportIsShuntedWhenTheListHasNoOwner()
    {
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        var shunted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _daemon.Get<Integreat.Lists.Daemon.Runners.BounceRunner>().Shunted += id => shunted.TrySetResult(id);

        await _daemon.PostAsync(Messages.Post("buergermeister@kommune.de", "Frage"), "buergermeister@kommune.de", "bayern-bounces@lists.integreat.example");

        var id = await shunted.Task.WaitAsync(Timeout);
        var entry = _daemon.Get<ISpool>().Read(Integreat.Lists.Core.Queues.QueueName.Shunt, id);
        Assert.Equal(Integreat.Lists.Core.Queues.QueueName.Bounces, entry.Data.WhichQueue);
        Assert.Contains("no owner or moderator", entry.Data.Reason);
    }
}
