using System.Collections.Concurrent;
using System.Security.Cryptography;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dkim;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;

namespace Integreat.Lists.Storage;

/// <summary>DKIM keys as PEM files, <c>DIRECTORY/DOMAIN/SELECTOR.pem</c> (RSA, PKCS#1 or PKCS#8). A key put there
/// (by <c>dkim keygen</c>) is used from the next message on; with several selectors the newest file signs.</summary>
public sealed class FileDkimKeyStore(string directory) : IDkimKeyStore
{
    /// <summary>The file name ending of a key.</summary>
    public const string Extension = ".pem";

    readonly ConcurrentDictionary<string, (DateTime Written, DkimKey Key)> _loaded = new(StringComparer.Ordinal);

    /// <summary>The folder that holds the keys.</summary>
    public string Directory => directory;

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The newest key file is not an RSA private key in PEM.</exception>
    public DkimKey? Find(string domain)
    {
        var folder = Path.Combine(directory, domain.ToLowerInvariant());
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
        var folder = Path.Combine(directory, domain.ToLowerInvariant());
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, selector + Extension);
        if (File.Exists(path)) throw new IOException($"{path} exists already; choose another selector with --selector.");
        using var rsa = RSA.Create(2048);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, options)) writer.Write(rsa.ExportRSAPrivateKeyPem());
        return "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
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
