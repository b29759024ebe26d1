using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dkim;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Commands;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Authentication;

/// <summary>Over real SMTP: a post with a member's From: of a <c>p=reject</c> domain that is not authenticated by that
/// domain is held (or rejected, per list) without a notice to the forged address; the same member's DKIM-signed post
/// is distributed with our Authentication-Results; and an owner's DKIM-signed admin command runs at once (mode (b)).</summary>
public sealed class SpoofedPostTests : IAsyncLifetime
{
    const string Domain = "reject-kommune.de";
    const string Member = "erika@" + Domain;
    const string Owner = "chefin@" + Domain;
    const string Moderator = "moderatorin@kommune.de";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    readonly string _keys = Path.Combine(Path.GetTempPath(), "il-spoof-" + Guid.NewGuid().ToString("N")[..12]);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    MessageSigner _signer = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        var key = new DkimKeys(_keys, Domain, "s1");
        _signer = new MessageSigner(key.Store);
        _daemon.Dns.AddTxt("_dmarc." + Domain, "v=DMARC1; p=reject").AddTxt("s1._domainkey." + Domain, key.Record);
        _daemon.AddMembers([Moderator], MemberRole.Moderator);
        _daemon.AddMembers([Owner], MemberRole.Owner);
        _daemon.AddMembers([Member, "max@example.net"]);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
        try { Directory.Delete(_keys, recursive: true); } catch (IOException) { }
    }

    static byte[] Post(string subject) => Messages.Bytes(Messages.Post(Member, subject));

    IEnumerable<CapturedMessage> To(string address) => _smarthost.Messages.Where(m => m.Recipients.Contains(address));

    [Fact]
    public async Task AForgedMemberPostIsHeldWithTheDmarcReasonAndNoNoticeToTheForgedAddress()
    {
        Assert.StartsWith("250", await _daemon.PostRawAsync(Post("Gefälscht"), Member, TestDaemon.Bayern));

        await _smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.Contains(Moderator)), Timeout);
        var notice = To(Moderator).Single().ToMimeMessage().TextBody!;
        Assert.Contains("DMARC", notice);
        Assert.Contains(Domain, notice);
        var held = _daemon.Get<ISpool>().List(QueueName.Hold);
        var entry = _daemon.Get<ISpool>().Read(QueueName.Hold, Assert.Single(held));
        Assert.Equal(("127.0.0.1", "test.example.org"), (entry.Data.ClientAddress, entry.Data.HeloName));
        Assert.Empty(To(Member));
        Assert.Empty(To("max@example.net"));
    }

    [Fact]
    public async Task ASignedPostOfTheSameMemberIsDistributedWithOurAuthenticationResults()
    {
        Assert.StartsWith("250", await _daemon.PostRawAsync(_signer.Sign(Domain, Post("Echt")), Member, TestDaemon.Bayern));

        await _smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.Contains("max@example.net")), Timeout);
        var copy = To("max@example.net").Single().ToMimeMessage();
        // Folded on the way out: compare with the folding white space as one space.
        var results = string.Join(' ', (copy.Headers[MimeKit.HeaderId.AuthenticationResults] ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("[Bayern] Echt", copy.Subject);
        Assert.StartsWith("lists.integreat.example; dkim=pass header.d=reject-kommune.de header.s=s1;", results);
        Assert.EndsWith("dmarc=pass (p=reject) header.from=reject-kommune.de", results);
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Hold));
    }

    [Fact]
    public async Task WithDmarcFailRejectAForgedPostIsDroppedWithoutANotice()
    {
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.Posting.DmarcFail = DmarcFailAction.Reject;
        lists.Update(list);

        Assert.StartsWith("250", await _daemon.PostRawAsync(Post("Gefälscht"), Member, TestDaemon.Bayern));
        // Posts are processed in order of arrival: once the later genuine post is out, the forged one was decided.
        Assert.StartsWith("250", await _daemon.PostRawAsync(_signer.Sign(Domain, Post("Echt")), Member, TestDaemon.Bayern));

        await _smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.Contains("max@example.net")), Timeout);
        Assert.Equal(["[Bayern] Echt"], To("max@example.net").Select(m => m.ToMimeMessage().Subject));
        Assert.DoesNotContain(To(Member), m => m.ToMimeMessage().Subject != "[Bayern] Echt");
        Assert.DoesNotContain(To(Moderator), m => m.ToMimeMessage().Subject != "[Bayern] Echt");
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Hold));
    }

    [Fact]
    public async Task AnOwnersSignedAdminCommandRunsAtOnceOnOurOwnDkimResult()
    {
        var command = Messages.Bytes(CommandMailTests.Mail(Owner, "bayern-request@lists.integreat.example", "", "add neu@example.org Neu Mitglied"));

        Assert.StartsWith("250", await _daemon.PostRawAsync(_signer.Sign(Domain, command), Owner, "bayern-request@lists.integreat.example"));

        await _smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.SequenceEqual([Owner])), Timeout);
        var reply = To(Owner).Single().ToMimeMessage().TextBody!;
        Assert.Contains("DKIM", reply);
        Assert.NotNull(_daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, "neu@example.org"));
    }
}
