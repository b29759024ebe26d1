using Integreat.Lists.Core.Dkim;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Where the list domains' DKIM signing keys live.</summary>
public interface IDkimKeyStore
{
    /// <summary>The key to sign mail of <paramref name="domain"/> with, or null when the domain has none (its mail
    /// then goes out unsigned).</summary>
    DkimKey? Find(string domain);

    /// <summary>The domain's Ed25519 key (RFC 8463) for a second signature beside the RSA one, or null when it has
    /// none. Only used together with <see cref="Find"/>'s RSA key: receivers without Ed25519 still see RSA.</summary>
    DkimKey? FindEd25519(string domain);
}
