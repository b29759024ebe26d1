using System.Text.RegularExpressions;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Finds delivery status codes in report text: RFC 3463 enhanced codes (<c>5.1.1</c>, <c>4.7.650</c>) and bare
/// RFC 5321 reply codes (<c>550</c>), and tells their class.</summary>
internal static partial class StatusCode
{
    /// <summary>The first enhanced code in <paramref name="text"/>, else the first reply code; null when there is none.</summary>
    public static string? Find(string text) => FindEnhanced(text) ?? FindReply(text);

    /// <summary>The first enhanced status code (class 2, 4 or 5, subject 0 to 7 as RFC 3463 §3 defines them), not part
    /// of an IP address or of a version number such as <c>Exim 4.92.3</c>.</summary>
    public static string? FindEnhanced(string text)
    {
        var match = Enhanced().Match(text);
        return match.Success ? match.Value : null;
    }

    /// <summary>The first three-digit reply code of class 2, 4 or 5 that stands alone (not inside a number, an address or
    /// a word).</summary>
    public static string? FindReply(string text)
    {
        var match = Reply().Match(text);
        return match.Success ? match.Value : null;
    }

    /// <summary>True when <paramref name="code"/> (enhanced or reply) is of class 4, a transient failure.</summary>
    public static bool IsTransient(string? code) => code is not null && code.StartsWith('4');

    /// <summary>True when <paramref name="code"/> (enhanced or reply) is of class 2, a success.</summary>
    public static bool IsSuccess(string? code) => code is not null && code.StartsWith('2');

    [GeneratedRegex(@"(?<![\d.])[245]\.[0-7]\.\d{1,3}(?!\.?\d)")]
    private static partial Regex Enhanced();

    [GeneratedRegex(@"(?<![\w.#/=@-])[245][0-5]\d(?![\w@])(?!\.\d)")]
    private static partial Regex Reply();
}
