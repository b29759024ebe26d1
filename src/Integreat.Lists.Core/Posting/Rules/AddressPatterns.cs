using System.Text.RegularExpressions;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Matches an address against a list of patterns: an exact address, or a regular expression when the
/// pattern starts with <c>^</c> (Mailman's ban and <c>*_these_nonmembers</c> syntax).</summary>
/// <remarks>Regular expressions run case-insensitively with a 100 ms timeout, so a careless pattern cannot stall
/// the incoming runner; an invalid or timed-out pattern does not match.</remarks>
public static class AddressPatterns
{
    static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The first pattern matching <paramref name="address"/>, or null.</summary>
    /// <param name="patterns">The patterns.</param>
    /// <param name="address">A normalised (lower-case) address.</param>
    public static string? Match(IEnumerable<string> patterns, string address)
        => patterns.FirstOrDefault(p => Matches(p.Trim(), address));

    /// <summary>True when <paramref name="pattern"/> is a regular expression that compiles, or an address.</summary>
    public static bool IsValid(string pattern) => pattern.StartsWith('^') ? Compiles(pattern) : pattern.Contains('@');

    /// <summary>True when <paramref name="pattern"/> is a valid .NET regular expression.</summary>
    public static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, Timeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static bool Matches(string pattern, string address)
    {
        if (!pattern.StartsWith('^')) return pattern.Equals(address, StringComparison.OrdinalIgnoreCase);
        try
        {
            return Regex.IsMatch(address, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
