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

    [GeneratedRegex("^s2026\\._domainkey\\.lists\\.example\\.org TXT \"(?<txt>v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,})\"$")]
    private static partial Regex Record();

    public void Dispose() => _sandbox.Dispose();
}
