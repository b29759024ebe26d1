using System.Security.Cryptography;
using System.Text;

namespace Integreat.Lists.Core.Privacy;

/// <summary>How addresses appear in log lines: as they are, or, with <see cref="PrivacyOptions.PseudonymiseLogs"/>, as
/// <c>anon-</c> and 12 hex digits of an HMAC-SHA256 under a key kept in the storage directory. The same address
/// always gives the same pseudonym (lines of one recipient can still be followed), but without the key nobody can
/// test a guessed address against the log (a plain hash could be).</summary>
public sealed class LogAddresses
{
    readonly byte[]? _key;

    /// <summary>Addresses as they are.</summary>
    public LogAddresses()
    {
    }

    /// <summary>Pseudonyms under <paramref name="key"/>.</summary>
    /// <param name="key">The HMAC key (32 random bytes).</param>
    public LogAddresses(byte[] key) => _key = key;

    /// <summary>Addresses as they are (for tests and the CLI).</summary>
    public static LogAddresses Plain { get; } = new();

    /// <summary>The text to log for <paramref name="address"/>; empty stays empty.</summary>
    public string Of(string address)
    {
        if (_key is null || address.Length == 0) return address;
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant()));
        return "anon-" + Convert.ToHexStringLower(mac)[..12];
    }

    /// <summary><paramref name="text"/> (e.g. a server's reply) with <paramref name="address"/> replaced by its pseudonym.</summary>
    public string In(string text, string address)
        => _key is null || address.Length == 0 ? text : text.Replace(address, Of(address), StringComparison.OrdinalIgnoreCase);
}
