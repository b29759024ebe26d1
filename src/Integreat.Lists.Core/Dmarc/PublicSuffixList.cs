using System.Globalization;
using System.Text;

namespace Integreat.Lists.Core.Dmarc;

/// <summary>The Public Suffix List (https://publicsuffix.org/list/, Debian package <c>publicsuffix</c>) and the
/// organisational domain it defines (RFC 7489 §3.2).</summary>
/// <remarks>Both the ICANN and the PRIVATE sections count, as in OpenDMARC and Mailman. Rules are kept as IDNA
/// A-labels, so domains must be given as A-labels (<c>xn--…</c>), which is what mail headers carry after
/// MimeKit's decoding of an ASCII address; U-labels are converted first. Thread-safe after construction.</remarks>
public sealed class PublicSuffixList
{
    static readonly IdnMapping Idn = new();
    readonly HashSet<string> _rules = new(StringComparer.Ordinal);
    readonly HashSet<string> _wildcards = new(StringComparer.Ordinal);
    readonly HashSet<string> _exceptions = new(StringComparer.Ordinal);

    PublicSuffixList() { }

    /// <summary>A list with no rules: only the default rule <c>*</c> applies, so the organisational domain is the
    /// last two labels (wrong for <c>co.uk</c>-like suffixes; used when the list file is missing).</summary>
    public static PublicSuffixList Empty { get; } = new();

    /// <summary>How many rules were read (normal, wildcard and exception rules).</summary>
    public int Count => _rules.Count + _wildcards.Count + _exceptions.Count;

    /// <summary>Reads the list's text format: one rule per line, the first whitespace-separated word; <c>//</c>
    /// starts a comment line; <c>*.</c> starts a wildcard rule, <c>!</c> an exception rule.</summary>
    /// <param name="reader">The list, e.g. <c>/usr/share/publicsuffix/public_suffix_list.dat</c>.</param>
    public static PublicSuffixList Parse(TextReader reader)
    {
        var list = new PublicSuffixList();
        while (reader.ReadLine() is { } line)
        {
            var rule = line.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (rule is null || rule.StartsWith("//", StringComparison.Ordinal)) continue;
            if (rule.StartsWith('!')) list.Add(list._exceptions, rule[1..]);
            else if (rule.StartsWith("*.", StringComparison.Ordinal)) list.Add(list._wildcards, rule[2..]);
            else list.Add(list._rules, rule);
        }
        return list;
    }

    void Add(HashSet<string> set, string rule)
    {
        if (Normalise(rule) is { } ascii) set.Add(ascii);
    }

    /// <summary>The organisational domain of <paramref name="domain"/>: its public suffix plus one more label
    /// (RFC 7489 §3.2 steps 3–4); the domain itself when it is a public suffix or has no more labels.</summary>
    /// <param name="domain">A domain name, any case, optional trailing dot.</param>
    /// <returns>Lower-case A-labels without a trailing dot; "" for an empty or unusable name.</returns>
    public string OrganisationalDomain(string domain)
    {
        var name = Normalise(domain);
        if (name is null) return "";
        var labels = name.Split('.');
        var suffix = SuffixLabels(labels);
        return suffix >= labels.Length ? name : string.Join('.', labels[^(suffix + 1)..]);
    }

    /// <summary>How many labels of <paramref name="labels"/> form the public suffix (the PSL algorithm: an
    /// exception rule wins, else the matching rule with the most labels, else the default rule <c>*</c>).</summary>
    int SuffixLabels(string[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
            if (_exceptions.Contains(string.Join('.', labels[i..]))) return labels.Length - i - 1;
        for (var i = 0; i < labels.Length; i++)
        {
            if (_rules.Contains(string.Join('.', labels[i..]))) return labels.Length - i;
            if (i + 1 < labels.Length && _wildcards.Contains(string.Join('.', labels[(i + 1)..]))) return labels.Length - i;
        }
        return 1;
    }

    /// <summary>Lower-case A-labels without a trailing dot, or null when the name is not a valid domain.</summary>
    public static string? Normalise(string domain)
    {
        var name = domain.Trim().TrimEnd('.');
        if (name.Length == 0) return null;
        // Most names are ASCII already; IDNA is only needed for the others (and costs start-up time).
        if (Ascii.IsValid(name) && !name.Contains("xn--", StringComparison.OrdinalIgnoreCase) && !name.Contains("..", StringComparison.Ordinal))
            return name.ToLowerInvariant();
        try
        {
            return Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
