namespace Integreat.Lists.Core.Commands;

/// <summary>Recognises out-of-office replies that carry no RFC 3834 header at all (Lotus Notes "AUTO: …", and
/// the usual Outlook and German subjects), so that command mail never answers or confirms on their behalf.</summary>
/// <remarks>Only the command path uses this: a wrongly matched command mail costs one unanswered mail, while
/// an answered auto-reply can loop, and one sent to a <c>-confirm+TOKEN</c> Reply-To would confirm a join.</remarks>
public static class AutoReplySubject
{
    static readonly string[] Prefixes =
    [
        "auto:", "auto reply", "automatic reply:", "autoreply:", "auto-reply:", "automatische antwort:", "abwesenheitsnotiz",
        "out of office", "out of the office", "abwesend:",
    ];

    /// <summary>True when <paramref name="subject"/> (after reply prefixes) starts like an automatic reply.</summary>
    public static bool Matches(string? subject)
    {
        var text = CommandParser.StripReplyPrefixes(subject ?? "").ToLowerInvariant();
        return Prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));
    }
}
