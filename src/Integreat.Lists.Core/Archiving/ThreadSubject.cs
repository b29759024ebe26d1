using System.Text.RegularExpressions;

namespace Integreat.Lists.Core.Archiving;

/// <summary>The subject a thread is recognised by when a reply lacks In-Reply-To and References: without
/// bracketed list prefixes (<c>[Bayern]</c>) and reply/forward markers (Re, AW, Antw, Fwd, Fw, WG, optionally
/// numbered <c>Re[2]:</c>), folded (<see cref="SearchWords"/>).</summary>
public static partial class ThreadSubject
{
    /// <summary>The key of <paramref name="subject"/>; empty when nothing is left (no fallback then).</summary>
    public static string Key(string subject)
    {
        var rest = subject.Trim();
        while (true)
        {
            var stripped = Marker().Replace(rest, "", 1).Trim();
            if (stripped == rest) break;
            rest = stripped;
        }
        return string.Join(' ', SearchWords.Split(rest));
    }

    [GeneratedRegex(@"^(\[[^\]]*\]|(re|aw|antw|fwd?|wg)\s*(\[\d+\])?\s*:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
