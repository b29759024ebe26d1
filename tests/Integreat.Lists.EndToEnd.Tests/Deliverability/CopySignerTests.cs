using System.Text;
using Integreat.Lists.Core.Dkim;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using MimeKit.Cryptography;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>The per-copy signer (body hash and shared fields once per post, one RSA signature per copy) writes the
/// same DKIM-Signature field, byte for byte, as MimeKit's <see cref="DkimSigner"/> over the whole copy at the same
/// time, and its copies verify with MimeKit's <see cref="DkimVerifier"/>.</summary>
public sealed class CopySignerTests : IDisposable
{
    const string Domain = "lists.integreat.example";
    static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    readonly string _directory = Path.Combine(Path.GetTempPath(), "il-copysign-" + Guid.NewGuid().ToString("N")[..12]);
    readonly DkimKeys _keys;
    readonly MessageSigner _signer;

    public CopySignerTests()
    {
        _keys = new DkimKeys(_directory);
        _signer = new MessageSigner(_keys.Store, NullLogger<MessageSigner>.Instance);
    }

    static byte[] Prefix(string member)
        => Encoding.ASCII.GetBytes($"List-Unsubscribe: <https://lists.integreat.example/u/{member}>,\r\n <mailto:bayern-leave@{Domain}>\r\n" +
                                  "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");

    static byte[] Post(string body = "Hallo zusammen,  \r\n\r\n\tbis   bald.  \r\n\r\n\r\n")
        => Encoding.UTF8.GetBytes(
            "Received: from a by b;\r\n Mon, 30 Nov 2026 09:00:00 +0100\r\nFrom: Erika Muster <erika@example.org>\r\n" +
            "To: bayern@lists.integreat.example\r\nTo:  second@example.org \r\nSubject:   [Bayern]\r\n\tTreffen   im  Dezember \r\n" +
            "Date: Mon, 30 Nov 2026 09:00:00 +0100\r\nMessage-ID: <1@example.org>\r\nList-Id: <bayern.lists.integreat.example>\r\n" +
            "List-Post: <mailto:bayern@lists.integreat.example>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain;\r\n charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body);

    [Fact]
    public void EachCopysSignatureIsByteForByteMimeKitsAndVerifies()
    {
        var post = Post();
        using var copies = _signer.ForCopies(Domain, post, Now)!;

        foreach (var member in new[] { "erika", "max", "b7Yx_-long-token-0123456789abcdefghijklmnopqrstuvwxyz0123456789" })
        {
            var signed = copies.Sign(Prefix(member));

            Assert.Equal(MimeKitSignature(Prefix(member), post), FirstField(signed));
            Assert.Equal(Prefix(member), signed[FirstField(signed).Length..]);
            Assert.True(_keys.Verifies([.. signed, .. post]));
        }
        Assert.Equal("from:subject:date:message-id:to:mime-version:content-type:content-transfer-encoding:list-id:list-post:" +
                     "list-unsubscribe:list-unsubscribe-post", DkimKeys.Tags([.. copies.Sign(Prefix("max")), .. post])["h"]);
    }

    [Fact]
    public void AnotherMembersLinkOrAChangedBodyNoLongerVerifies()
    {
        var post = Post();
        using var copies = _signer.ForCopies(Domain, post, Now)!;
        var signed = copies.Sign(Prefix("erika"));
        var other = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(signed).Replace("/u/erika", "/u/max", StringComparison.Ordinal));

        Assert.False(_keys.Verifies([.. other, .. post]));
        Assert.False(_keys.Verifies([.. signed, .. Post("Hallo zusammen,\r\nbis morgen.\r\n")]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no line end at the end")]
    [InlineData("\r\n\r\n")]
    [InlineData("trailing  \t\r\n \r\n")]
    public void OddBodiesHashAsMimeKitHashesThem(string body)
    {
        var post = Post(body);
        using var copies = _signer.ForCopies(Domain, post, Now)!;

        var signed = copies.Sign(Prefix("erika"));

        Assert.Equal(MimeKitSignature(Prefix("erika"), post), FirstField(signed));
        Assert.True(_keys.Verifies([.. signed, .. post]));
    }

    [Fact]
    public void EveryCorpusMessageGetsMimeKitsSignature()
    {
        var compared = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedCorpus.Root, "corpus", "mime"), "*.eml").Order())
        {
            var post = SharedCorpus.AsSmtpBytes(file);
            byte[] expected;
            try { expected = MimeKitSignature(Prefix("erika"), post); }
            catch (FormatException) { continue; }
            using var copies = _signer.ForCopies(Domain, post, Now)!;

            var signed = copies.Sign(Prefix("erika"));

            Assert.True(expected.AsSpan().SequenceEqual(FirstField(signed)), Path.GetFileName(file));
            compared++;
        }
        Assert.True(compared >= 30, $"only {compared} corpus messages compared");
    }

    [Fact]
    public void WithAnEd25519KeyItsSignatureIsMimeKitsTooAndGoesAboveTheRsaOne()
    {
        _keys.GenerateEd25519();
        var post = Post();
        using var copies = _signer.ForCopies(Domain, post, Now)!;

        var signed = copies.Sign(Prefix("erika"));

        var ed = MimeKitSignature(Prefix("erika"), post, _keys.Store.FindEd25519(Domain));
        Assert.Equal(ed, signed[..ed.Length]);
        Assert.Equal(MimeKitSignature(Prefix("erika"), post), FirstField(signed[ed.Length..]));
        Assert.Equal(Prefix("erika"), signed[^Prefix("erika").Length..]);
        Assert.Equal([("ed25519-sha256", true), ("rsa-sha256", true)], _keys.Signatures([.. signed, .. post]));
    }

    [Fact]
    public void ADomainWithoutAKeyHasNoCopySigner() => Assert.Null(_signer.ForCopies("lists.other.example", Post(), Now));

    /// <summary>What <see cref="MessageSigner.SignWithPrefix"/> produces (MimeKit's signer over the whole copy), at
    /// <see cref="Now"/> and with the fields MessageSigner chooses.</summary>
    byte[] MimeKitSignature(byte[] prefix, byte[] post, DkimKey? key = null)
    {
        var mime = RawMimeMessage.ForSigning(prefix, post);
        var present = mime.Headers.Concat(mime.Body!.Headers).Select(h => h.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string[] usual = ["From", "Subject", "Date", "Message-ID", "To", "Cc", "Reply-To", "In-Reply-To", "References", "MIME-Version",
            "Content-Type", "Content-Transfer-Encoding"];
        var fields = usual.Where(f => f == "From" || present.Contains(f))
            .Concat(present.Where(f => f.StartsWith("List-", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase)).ToList();
        key ??= _keys.Store.Find(Domain)!;
        var signer = new FixedTimeSigner(key)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        signer.Sign(format, mime, fields);
        var raw = Encoding.ASCII.GetString(mime.Headers[0].RawValue).ReplaceLineEndings("\r\n");
        return Encoding.ASCII.GetBytes("DKIM-Signature:" + (raw.EndsWith("\r\n", StringComparison.Ordinal) ? raw : raw + "\r\n"));
    }

    static byte[] FirstField(byte[] signed) => RawMimeMessage.ParseFields(signed) is { } fields
        ? signed[..(fields[0].RawField.Length + 1 + fields[0].RawValue.Length)]
        : [];

    sealed class FixedTimeSigner(DkimKey key) : DkimSigner(key.PrivateKey, key.Domain, key.Selector,
        key.PrivateKey is Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters ? DkimSignatureAlgorithm.Ed25519Sha256 : DkimSignatureAlgorithm.RsaSha256)
    {
        protected override long GetTimestamp() => Now.ToUnixTimeSeconds();
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}
