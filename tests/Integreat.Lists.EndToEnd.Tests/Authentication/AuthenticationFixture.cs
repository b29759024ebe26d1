using System.Text;
using Integreat.Lists.Core.Authentication;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Dkim;
using Integreat.Lists.Core.Dmarc;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Smtp.Authentication;
using Integreat.Lists.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Authentication;

/// <summary>The inbound authenticator over a fake DNS zone, with a real 2048-bit DKIM key for <c>kreis-xy.de</c>
/// (selector s1) made by the real key store and published in the zone.</summary>
public sealed class AuthenticationFixture : IDisposable
{
    public const string OurId = "lists.integreat.example";
    public static readonly PublicSuffixList Suffixes = PublicSuffixList.Parse(new StringReader("de\nco.uk\nuk\nexample\n"));
    readonly string _directory = Path.Combine(Path.GetTempPath(), "il-auth-" + Guid.NewGuid().ToString("N")[..12]);

    public AuthenticationFixture(string[]? trusted = null, bool verify = true)
    {
        Keys = new DkimKeys(_directory, "kreis-xy.de", "s1");
        Dns = Keys.Dns;
        var policies = new DmarcPolicyResolver(Dns, Suffixes, new FakeTimeProvider(DateTimeOffset.UtcNow));
        Authenticator = new InboundAuthenticator(new DkimEvaluator(Dns), new ArSoftSpfChecker(Dns), new DmarcEvaluator(policies, Suffixes),
            Options.Create(new AuthenticationOptions { AuthservId = OurId, Verify = verify }),
            Options.Create(new CommandOptions { TrustedAuthservIds = trusted ?? [] }));
    }

    public DkimKeys Keys { get; }

    public InMemoryDnsResolver Dns { get; }

    public InboundAuthenticator Authenticator { get; }

    /// <summary>Signs <paramref name="raw"/> with the kreis-xy.de key, as kreis-xy.de's outgoing MTA would.</summary>
    public byte[] Sign(byte[] raw) => new MessageSigner(Keys.Store).Sign("kreis-xy.de", raw);

    public static byte[] Mail(string from, string extraHeaders = "", string body = "Hallo zusammen,\r\nbis bald.\r\n")
        => Encoding.UTF8.GetBytes(extraHeaders + $"From: {from}\r\nTo: bayern@lists.integreat.example\r\nSubject: Treffen\r\n" +
            "Date: Mon, 30 Nov 2026 09:00:00 +0100\r\nMessage-ID: <a1@kreis-xy.de>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body);

    public static MessageData Data(string sender, string? client = "192.0.2.25", string? helo = "mail.kreis-xy.de")
        => new() { Id = "t1", Sender = sender, Recipients = ["bayern@lists.integreat.example"], ClientAddress = client, HeloName = helo };

    /// <summary>Authenticates and returns the verdict and the edited message.</summary>
    public (AuthenticationVerdict Verdict, RawMessage Message) Run(byte[] raw, MessageData data)
    {
        var message = RawMessage.Parse(raw);
        return (Authenticator.Authenticate(message, raw, data), message);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp directory is harmless */ }
    }
}
