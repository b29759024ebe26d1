using System.Text;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>List mail arrives at the smarthost DKIM-signed by the list domain once a key is in the data directory,
/// and unsigned (but delivered) without one.</summary>
public sealed class DkimDeliveryTests : SignedDeliveryTest
{
    static readonly string[] Members = ["erika@example.org", "max@example.net", "jana@kommune.de"];

    static byte[] MultipartPost()
        => Encoding.UTF8.GetBytes(
            "From: Erika Muster <erika@example.org>\r\nTo: bayern@lists.integreat.example\r\nSubject: Treffen im Mai\r\n" +
            "Date: Mon, 30 Nov 2026 09:00:00 +0100\r\nMessage-ID: <dkim-1@example.org>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed;\r\n boundary=\"b1\"\r\n\r\npreamble\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße   aus München\r\n--b1\r\nContent-Type: text/csv\r\n\r\na;b\r\n--b1--\r\nepilogue\r\n");

    [Fact]
    public async Task EveryCopyVerifiesWithTheGeneratedKeyAndCarriesTheBodyUnchanged()
    {
        var keys = GenerateKey();
        await using var daemon = await StartDaemonAsync();
        daemon.AddMembers(Members);
        var post = MultipartPost();

        await daemon.PostRawAsync(post, "erika@example.org", TestDaemon.Bayern);
        await Smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        Assert.Equal(Members.Length, Smarthost.Messages.Count);
        foreach (var copy in Smarthost.Messages)
        {
            Assert.True(keys.Verifies(copy.Data));
            Assert.Equal(Messages.BodyOf(post), Messages.BodyOf(copy.Data));
            var header = Encoding.UTF8.GetString(copy.Data, 0, copy.Data.Length - Messages.BodyOf(copy.Data).Length);
            Assert.Equal(2, header.Split("\r\nContent-Type:").Length);
            var signed = DkimKeys.Tags(copy.Data)["h"].ToLowerInvariant().Split(':');
            Assert.Contains("list-id", signed);
            Assert.Contains("list-unsubscribe", signed);
            Assert.Contains("content-type", signed);
        }
        // Each copy differs only in its own one-click List-Unsubscribe and the signature over it (OneClickHeaderTests).
        Assert.Single(Smarthost.Messages.Select(m => Encoding.ASCII.GetString(Messages.BodyOf(m.Data))).Distinct());
    }

    [Fact]
    public async Task WithoutAKeyThePostGoesOutUnsigned()
    {
        await using var daemon = await StartDaemonAsync();
        daemon.AddMembers(Members);

        await daemon.PostRawAsync(MultipartPost(), "erika@example.org", TestDaemon.Bayern);
        await Smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        Assert.All(Smarthost.Messages, m => Assert.DoesNotContain("DKIM-Signature:", Encoding.ASCII.GetString(m.Data), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithAnEd25519KeyEveryCopyCarriesBothSignaturesAndBothVerify()
    {
        var keys = GenerateKey();
        keys.GenerateEd25519();
        await using var daemon = await StartDaemonAsync();
        daemon.AddMembers(Members);

        await daemon.PostRawAsync(MultipartPost(), "erika@example.org", TestDaemon.Bayern);
        await Smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        // Per copy (one-click link, signed per member) the Ed25519 signature on top, the RSA one kept below it.
        Assert.All(Smarthost.Messages, copy => Assert.Equal([("ed25519-sha256", true), ("rsa-sha256", true)], keys.Signatures(copy.Data)));
    }
}
