using System.Text.RegularExpressions;

namespace Integreat.Lists.Core.Handlers;

/// <summary>Computes a subject with the list prefix exactly once, ahead of a single reply/forward marker.</summary>
/// <remarks>"AW: [Bayern] Re: [Bayern] Treffen" becomes "[Bayern] AW: Treffen": every copy of the prefix is
/// removed, repeated reply markers (Re, AW, WG, Fwd, Fw, SV, Antw) collapse to the first one.</remarks>
public static partial class SubjectPrefix
{
    [GeneratedRegex(@"\G\s*(re|aw|wg|fwd?|sv|antw|vs)\s*(\[\d+\])?\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    /// <summary>Returns <paramref name="subject"/> with <paramref name="prefix"/> applied once.</summary>
    /// <param name="prefix">e.g. "[Bayern]"; when empty the subject is returned unchanged.</param>
    /// <param name="subject">The decoded subject (RFC 2047 already undone), possibly null.</param>
    /// <remarks>Linear in the subject's length: markers are consumed by position (<c>\G</c>), never by copying the
    /// rest of the subject, so "Re: " repeated a million times cannot stall the runner.</remarks>
    public static string Apply(string prefix, string? subject)
    {
        subject ??= "";
        if (prefix.Length == 0) return subject;
        var rest = subject.Replace(prefix, " ", StringComparison.OrdinalIgnoreCase);
        string? marker = null;
        var position = 0;
        for (var m = Marker().Match(rest, position); m.Success; m = Marker().Match(rest, position))
        {
            marker ??= m.Groups[1].Value;
            position = m.Index + m.Length;
        }
        rest = Spaces().Replace(rest[position..], " ").Trim();
        var result = marker is null ? $"{prefix} {rest}" : $"{prefix} {marker}: {rest}";
        return result.TrimEnd();
    }
}
