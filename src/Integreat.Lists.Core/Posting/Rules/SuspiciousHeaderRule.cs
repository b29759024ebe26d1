using System.Text.RegularExpressions;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>suspicious-header</c>: a header matches one of the list's <c>Header: regex</c> lines
/// (Mailman's <c>rules/suspicious.py</c>, <c>bounce_matching_headers</c>).</summary>
/// <remarks>Case-insensitive, 100 ms timeout per match; a line without a colon or with a broken expression never
/// matches (the CLI refuses such lines).</remarks>
public sealed class SuspiciousHeaderRule : IPostingRule
{
    static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc/>
    public string Name => "suspicious-header";

    /// <inheritdoc/>
    public string Description => "A header matches one of the list's suspicious-header patterns.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        foreach (var line in post.List.Posting.SuspiciousHeaders)
        {
            if (!TrySplit(line, out var field, out var pattern)) continue;
            foreach (var header in post.Headers.Where(h => h.Field.Equals(field, StringComparison.OrdinalIgnoreCase)))
            {
                if (!IsMatch(header.Value, pattern)) continue;
                post.Reasons.Add($"Der Kopf {header.Field} passt auf „{pattern}“. / Header {header.Field} matches \"{pattern}\".");
                return true;
            }
        }
        return false;
    }

    /// <summary>Splits a <c>Header: regex</c> line; false when it has no field name or no valid expression.</summary>
    public static bool TrySplit(string line, out string field, out string pattern)
    {
        var colon = line.IndexOf(':');
        field = colon > 0 ? line[..colon].Trim() : "";
        pattern = colon > 0 ? line[(colon + 1)..].Trim() : "";
        return field.Length > 0 && pattern.Length > 0 && AddressPatterns.Compiles(pattern);
    }

    static bool IsMatch(string value, string pattern)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
