using System.Text;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>Our DKIM signatures verify with OpenDKIM's <c>opendkim-testmsg</c>, not only with MimeKit: the copies the
/// daemon sends for a post, with the key that <c>dkim keygen</c>'s key store generated and its TXT record as printed.</summary>
public sealed class OpendkimTestmsgTests : SignedDeliveryTest
{
    const string KeyName = "s1._domainkey.lists.integreat.example";

    static byte[] Post()
        => Encoding.UTF8.GetBytes(
            "From: Erika Muster <erika@example.org>\r\nTo: bayern@lists.integreat.example\r\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n" +
            "Date: Mon, 30 Nov 2026 09:00:00 +0100\r\nMessage-ID: <opendkim-1@example.org>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/alternative;\r\n boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße   aus München  \r\n\r\n\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>Hallo</p>\r\n--b1--\r\n");

    [Fact]
    public async Task APostsSignedCopyVerifiesWithOpendkimAndATamperedOneDoesNot()
    {
        var keys = GenerateKey();
        await using var daemon = await StartDaemonAsync();
        daemon.AddMembers(["erika@example.org", "max@example.net"]);

        await daemon.PostRawAsync(Post(), "erika@example.org", TestDaemon.Bayern);
        await Smarthost.WaitForRecipientsAsync(2, Timeout);
        var copy = Smarthost.Messages.First(m => m.Recipients.Contains("max@example.net")).Data;

        var verified = await OpendkimVerifier.VerifyAsync(copy, KeyName, keys.Record);
        Assert.True(verified.ExitCode == 0, verified.ToString());

        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(copy).Replace("<p>Hallo</p>", "<p>Hallo!</p>", StringComparison.Ordinal));
        var rejected = await OpendkimVerifier.VerifyAsync(tampered, KeyName, keys.Record);
        Assert.NotEqual(0, rejected.ExitCode);
        Assert.Contains("Bad signature", rejected.Stderr);
    }
}
