using System.Text.RegularExpressions;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Mailbox addresses as they appear in report text, where they are bracketed, quoted or run into prose.</summary>
internal static partial class AddressText
{
    /// <summary>The pattern of one address (named group <c>addr</c>): an RFC 5322 dot-atom local part (plus the '%' of
    /// source routes) and a domain of at least two labels.</summary>
    public const string Pattern = @"(?<addr>[A-Za-z0-9!#$%&*+/=?^_`{|}~.-][A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)";

    /// <summary>Every address in <paramref name="text"/>, lower-cased, in order (repeats kept).</summary>
    public static IEnumerable<string> FindAll(string text) => Any().Matches(text).Select(m => Normalise(m.Groups["addr"].Value));

    /// <summary>Lower-cases an address and drops the brackets, quotes, <c>rfc822;</c> type and trailing punctuation that
    /// reports wrap it in.</summary>
    public static string Normalise(string address)
    {
        var value = address.Trim();
        var semicolon = value.IndexOf(';');
        if (semicolon >= 0 && value[..semicolon].Trim().Equals("rfc822", StringComparison.OrdinalIgnoreCase))
            value = value[(semicolon + 1)..];
        return value.Trim().Trim('<', '>', '"', '\'').Trim().TrimEnd('.', ',', ';', ':').ToLowerInvariant();
    }

    /// <summary>The local part of <paramref name="address"/> (all of it when there is no '@').</summary>
    public static string LocalPart(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? address : address[..at];
    }

    /// <summary>The domain of <paramref name="address"/>; empty when there is no '@'.</summary>
    public static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..];
    }

    [GeneratedRegex(Pattern)]
    private static partial Regex Any();
}
