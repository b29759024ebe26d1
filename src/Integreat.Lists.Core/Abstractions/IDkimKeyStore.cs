using Integreat.Lists.Core.Dkim;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Where the list domains' DKIM signing keys live.</summary>
public interface IDkimKeyStore
{
    /// <summary>The key to sign mail of <paramref name="domain"/> with, or null when the domain has none (its mail
    /// then goes out unsigned).</summary>
    DkimKey? Find(string domain);
}
