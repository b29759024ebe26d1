using System.Collections.Concurrent;
using System.Security.Cryptography;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dkim;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace Integreat.Lists.Storage;

/// <summary>DKIM keys as PEM files, <c>DIRECTORY/DOMAIN/SELECTOR.pem</c> (RSA, PKCS#1 or PKCS#8) and
/// <c>DIRECTORY/DOMAIN/ed25519/SELECTOR.pem</c> (Ed25519, PKCS#8). A key put there (by <c>dkim keygen</c>) is used
/// from the next message on; with several selectors the newest file of each kind signs.</summary>
public sealed class FileDkimKeyStore(string directory) : IDkimKeyStore
{
    /// <summary>The file name ending of a key.</summary>
    public const string Extension = ".pem";

    /// <summary>The sub-folder of a domain's folder that holds its Ed25519 keys.</summary>
    public const string Ed25519 = "ed25519";

    readonly ConcurrentDictionary<string, (DateTime Written, DkimKey Key)> _loaded = new(StringComparer.Ordinal);

    /// <summary>The folder that holds the keys.</summary>
    public string Directory => directory;

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The newest key file is not a private key in PEM.</exception>
    public DkimKey? Find(string domain) => Newest(domain, Path.Combine(directory, domain.ToLowerInvariant()));

    /// <inheritdoc />
    /// <remarks>Ed25519 keys live in <c>DOMAIN/ed25519/SELECTOR.pem</c>, apart from the RSA keys (whose newest file
    /// signs), so a new Ed25519 key never replaces the RSA signature.</remarks>
    /// <exception cref="InvalidDataException">The newest key file is not a private key in PEM.</exception>
    public DkimKey? FindEd25519(string domain) => Newest(domain, Ed25519Folder(domain));

    string Ed25519Folder(string domain) => Path.Combine(directory, domain.ToLowerInvariant(), Ed25519);

    DkimKey? Newest(string domain, string folder)
    {
        if (!System.IO.Directory.Exists(folder)) return null;
        var newest = new DirectoryInfo(folder).EnumerateFiles("*" + Extension).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault();
        if (newest is null) return null;
        if (_loaded.TryGetValue(newest.FullName, out var cached) && cached.Written == newest.LastWriteTimeUtc) return cached.Key;
        var key = new DkimKey(domain.ToLowerInvariant(), Path.GetFileNameWithoutExtension(newest.Name), Read(newest.FullName));
        _loaded[newest.FullName] = (newest.LastWriteTimeUtc, key);
        return key;
    }

    /// <summary>Creates a 2048-bit RSA key for <paramref name="domain"/> under <paramref name="selector"/> (file mode
    /// 0600) and returns the TXT record value to publish at <c>SELECTOR._domainkey.DOMAIN</c> (RFC 6376 §3.6.1).</summary>
    /// <exception cref="IOException">A key with that selector exists already.</exception>
    public string Generate(string domain, string selector)
    {
        using var rsa = RSA.Create(2048);
        Write(Path.Combine(directory, domain.ToLowerInvariant()), selector, rsa.ExportRSAPrivateKeyPem());
        return "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Creates an Ed25519 key (RFC 8463) for <paramref name="domain"/> under <paramref name="selector"/> (file
    /// mode 0600, PKCS#8 PEM) and returns its TXT record value: <c>k=ed25519</c>, <c>p=</c> the raw 32-byte public
    /// key in base64 (RFC 8463 §4, not a SubjectPublicKeyInfo as for RSA).</summary>
    /// <exception cref="IOException">A key with that selector exists already.</exception>
    public string GenerateEd25519(string domain, string selector)
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        using var pem = new StringWriter();
        new PemWriter(pem).WriteObject(new Pkcs8Generator(pair.Private));
        Write(Ed25519Folder(domain), selector, pem.ToString());
        return "v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
    }

    static void Write(string folder, string selector, string pem)
    {
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, selector + Extension);
        if (File.Exists(path)) throw new IOException($"{path} exists already; choose another selector with --selector.");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, options);
        writer.Write(pem);
    }

    static AsymmetricKeyParameter Read(string path)
    {
        using var reader = new StreamReader(path);
        return new PemReader(reader).ReadObject() switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter { IsPrivate: true } key => key,
            _ => throw new InvalidDataException($"{path} holds no private key in PEM."),
        };
    }
}
