using System.Text;
using Integreat.Lists.Core.Dkim;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>The DKIM signer adds one signature line over exactly the bytes it is given, and nothing else.</summary>
public sealed class MessageSignerTests : IDisposable
{
    const string Domain = "lists.integreat.example";
    readonly string _directory = Path.Combine(Path.GetTempPath(), "il-dkim-" + Guid.NewGuid().ToString("N")[..12]);
    readonly DkimKeys _keys;
    readonly MessageSigner _signer;

    public MessageSignerTests()
    {
        _keys = new DkimKeys(_directory);
        _signer = new MessageSigner(_keys.Store, NullLogger<MessageSigner>.Instance);
    }

    static byte[] Post(string body = "Hallo zusammen,  \r\n\r\nbis bald.\r\n")
        => Encoding.UTF8.GetBytes(
            "From: Erika Muster <erika@example.org>\r\nTo: bayern@lists.integreat.example\r\nSubject: [Bayern] Treffen\r\n" +
            "Date: Mon, 30 Nov 2026 09:00:00 +0100\r\nMessage-ID: <1@example.org>\r\nList-Id: <bayern.lists.integreat.example>\r\n" +
            "List-Unsubscribe: <mailto:bayern-leave@lists.integreat.example>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body);

    [Fact]
    public void ASignedPostVerifiesAndKeepsEveryOriginalByte()
    {
        var post = Post("Grüße aus München,\r\n\r\n  Erika  \r\n");

        var signed = _signer.Sign(Domain, post);

        Assert.StartsWith("DKIM-Signature:", Encoding.ASCII.GetString(signed, 0, 20));
        Assert.Equal(post, signed[^post.Length..]);
        Assert.True(_keys.Verifies(signed));
        var tags = DkimKeys.Tags(signed);
        Assert.Equal("rsa-sha256", tags["a"]);
        Assert.Equal("relaxed/relaxed", tags["c"]);
        Assert.Equal(Domain, tags["d"]);
        Assert.Equal("s1", tags["s"]);
        Assert.Equal("from:subject:date:message-id:to:mime-version:content-type:content-transfer-encoding:list-id:list-unsubscribe",
            tags["h"].ToLowerInvariant());
    }

    [Fact]
    public void AChangedBodyOrSubjectNoLongerVerifies()
    {
        var signed = _signer.Sign(Domain, Post());

        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("bis bald", "bis morgen", StringComparison.Ordinal));
        var subject = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("Treffen", "Treffer", StringComparison.Ordinal));

        Assert.False(_keys.Verifies(body));
        Assert.False(_keys.Verifies(subject));
    }

    [Fact]
    public void ADomainWithoutAKeyGetsItsMessageBackUnchanged()
    {
        var post = Post();

        Assert.Same(post, _signer.Sign("lists.other.example", post));
    }

    [Fact]
    public void TheNewestKeyOfADomainSigns()
    {
        var record = _keys.Store.Generate(Domain, "s2");
        File.SetLastWriteTimeUtc(Path.Combine(_directory, Domain, "s2.pem"), DateTime.UtcNow.AddMinutes(1));
        _keys.Dns.AddTxt($"s2._domainkey.{Domain}", record);

        var signed = _signer.Sign(Domain, Post());

        Assert.Equal("s2", DkimKeys.Tags(signed)["s"]);
        Assert.True(_keys.Verifies(signed));
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}
