namespace Integreat.Lists.Core.Moderation;

/// <summary>The languages of a hold reason. Rules write a reason as <c>German / English</c>; a notice shows each
/// language's half in its own section, not both halves twice.</summary>
public static class HoldReasons
{
    const string Separator = " / ";

    /// <summary>The German halves, in order; a reason with one language only is kept whole.</summary>
    public static List<string> German(IEnumerable<string> reasons) => reasons.Select(r => Half(r, german: true)).ToList();

    /// <summary>The English halves, in order; a reason with one language only is kept whole.</summary>
    public static List<string> English(IEnumerable<string> reasons) => reasons.Select(r => Half(r, german: false)).ToList();

    static string Half(string reason, bool german)
    {
        var at = reason.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0) return reason;
        return german ? reason[..at].Trim() : reason[(at + Separator.Length)..].Trim();
    }
}
