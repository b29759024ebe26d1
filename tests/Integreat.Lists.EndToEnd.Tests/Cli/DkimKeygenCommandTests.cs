using System.Text;
using System.Text.RegularExpressions;
using Integreat.Lists.Core.Dkim;
using Integreat.Lists.Storage;
using Integreat.Lists.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using MimeKit.Cryptography;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary><c>dkim keygen</c> writes the key where the daemon looks and prints the TXT record that verifies it.</summary>
public sealed partial class DkimKeygenCommandTests : IDisposable
{
    readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task PrintsTheRecordOfAKeyTheSignerThenUses()
    {
        var result = (await _sandbox.RunAsync("dkim", "keygen", "Lists.Example.org", "--selector", "s2026")).AssertSuccess();

        var match = Record().Match(result.OutLines.Single());
        Assert.True(match.Success, result.OutLines.Single());
        Assert.True(File.Exists(Path.Combine(_sandbox.DataDirectory, "dkim", "lists.example.org", "s2026.pem")));
        var dns = new InMemoryDnsResolver().AddTxt("s2026._domainkey.lists.example.org", match.Groups["txt"].Value);
        var store = new FileDkimKeyStore(_sandbox.Settings.Storage.DkimKeysPath);
        var signed = new MessageSigner(store, NullLogger<MessageSigner>.Instance)
            .Sign("lists.example.org", Encoding.ASCII.GetBytes("From: a@example.org\r\nSubject: x\r\n\r\nHallo\r\n"));
        var message = MimeMessage.Load(new MemoryStream(signed));
        Assert.True(new DkimVerifier(new DnsDkimKeyLocator(dns)).Verify(message, message.Headers[0]));
    }

    [Fact]
    public async Task RefusesToOverwriteAKeyAndRejectsANameThatIsNoDomain()
    {
        (await _sandbox.RunAsync("dkim", "keygen", "lists.example.org", "--selector", "s1")).AssertSuccess();

        var again = await _sandbox.RunAsync("dkim", "keygen", "lists.example.org", "--selector", "s1");
        var bad = await _sandbox.RunAsync("dkim", "keygen", "not a domain");

        Assert.Equal(1, again.Code);
        Assert.Contains("exists already", again.Err, StringComparison.Ordinal);
        Assert.Equal(2, bad.Code);
    }

    [Fact]
    public async Task AnEd25519KeySignsBesideTheRsaKeyAndItsRecordVerifies()
    {
        var alone = await _sandbox.RunAsync("dkim", "keygen", "lists.example.org", "--algorithm", "ed25519", "--selector", "ed1");
        Assert.Equal(0, alone.Code);
        Assert.Contains("beside an RSA key", alone.Err, StringComparison.Ordinal);
        var rsa = Record().Match((await _sandbox.RunAsync("dkim", "keygen", "lists.example.org", "--selector", "s2026")).AssertSuccess().OutLines.Single());
        var ed = Ed25519Record().Match(alone.OutLines.Single());
        Assert.True(ed.Success, alone.OutLines.Single());
        Assert.True(File.Exists(Path.Combine(_sandbox.DataDirectory, "dkim", "lists.example.org", "ed25519", "ed1.pem")));

        var dns = new InMemoryDnsResolver().AddTxt("s2026._domainkey.lists.example.org", rsa.Groups["txt"].Value)
            .AddTxt("ed1._domainkey.lists.example.org", ed.Groups["txt"].Value);
        var signed = new MessageSigner(new FileDkimKeyStore(_sandbox.Settings.Storage.DkimKeysPath))
            .Sign("lists.example.org", Encoding.ASCII.GetBytes("From: a@example.org\r\nSubject: x\r\n\r\nHallo\r\n"));
        var message = MimeMessage.Load(new MemoryStream(signed));
        var signatures = message.Headers.Where(h => h.Id == HeaderId.DkimSignature).ToList();
        Assert.Equal(2, signatures.Count);
        Assert.Contains("a=ed25519-sha256", signatures[0].Value);
        Assert.Contains("a=rsa-sha256", signatures[1].Value);
        var verifier = new DkimVerifier(new DnsDkimKeyLocator(dns));
        Assert.All(signatures, s => Assert.True(verifier.Verify(message, s)));
    }

    [GeneratedRegex("^ed1\\._domainkey\\.lists\\.example\\.org TXT \"(?<txt>v=DKIM1; k=ed25519; p=[A-Za-z0-9+/]{43}=)\"$")]
    private static partial Regex Ed25519Record();

    [GeneratedRegex("^s2026\\._domainkey\\.lists\\.example\\.org TXT \"(?<txt>v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,})\"$")]
    private static partial Regex Record();

    public void Dispose() => _sandbox.Dispose();
}
