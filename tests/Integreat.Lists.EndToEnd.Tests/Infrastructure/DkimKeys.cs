using Integreat.Lists.Core.Dkim;
using Integreat.Lists.Storage;
using Integreat.Lists.Testing;
using MimeKit;
using MimeKit.Cryptography;

namespace Integreat.Lists.EndToEnd.Tests.Infrastructure;

/// <summary>A DKIM key made by the real key store in a folder, with its public half in a fake DNS zone, and the
/// verifier that a receiving MTA would run (MimeKit's <see cref="DkimVerifier"/>).</summary>
public sealed class DkimKeys
{
    public DkimKeys(string keysDirectory, string domain = "lists.integreat.example", string selector = "s1")
    {
        Store = new FileDkimKeyStore(keysDirectory);
        Domain = domain;
        Record = Store.Generate(domain, selector);
        Dns.AddTxt($"{selector}._domainkey.{domain}", Record);
    }

    public FileDkimKeyStore Store { get; }

    /// <summary>The signing domain (<c>d=</c>).</summary>
    public string Domain { get; }

    /// <summary>The TXT record value published for the key.</summary>
    public string Record { get; }

    public InMemoryDnsResolver Dns { get; } = new();

    /// <summary>Adds an Ed25519 key (the second signature, RFC 8463) under <paramref name="selector"/> and publishes it.</summary>
    public string GenerateEd25519(string selector = "ed1")
    {
        var record = Store.GenerateEd25519(Domain, selector);
        Dns.AddTxt($"{selector}._domainkey.{Domain}", record);
        return record;
    }

    /// <summary>Every DKIM-Signature of <paramref name="raw"/>, top down: its <c>a=</c> and whether MimeKit verifies it.</summary>
    public IReadOnlyList<(string Algorithm, bool Valid)> Signatures(byte[] raw)
    {
        var message = MimeMessage.Load(new MemoryStream(raw));
        var verifier = new DkimVerifier(new DnsDkimKeyLocator(Dns));
        return message.Headers.Where(h => h.Id == HeaderId.DkimSignature)
            .Select(h => (Tags(h.Value)["a"], verifier.Verify(message, h))).ToList();
    }

    /// <summary>Parses <paramref name="raw"/> and verifies its first DKIM-Signature; false when absent or broken.</summary>
    public bool Verifies(byte[] raw)
    {
        var message = MimeMessage.Load(new MemoryStream(raw));
        var index = message.Headers.IndexOf(HeaderId.DkimSignature);
        return index >= 0 && new DkimVerifier(new DnsDkimKeyLocator(Dns)).Verify(message, message.Headers[index]);
    }

    /// <summary>The tags of the first DKIM-Signature (RFC 6376 §3.5), by name.</summary>
    public static Dictionary<string, string> Tags(byte[] raw) => Tags(MimeMessage.Load(new MemoryStream(raw)).Headers[HeaderId.DkimSignature] ?? "");

    static Dictionary<string, string> Tags(string value)
    {
        return value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Split('=', 2)).ToDictionary(p => p[0], p => string.Concat(p[1].Where(c => !char.IsWhiteSpace(c))));
    }
}
