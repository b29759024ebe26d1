using System.Globalization;
using System.Text;

namespace Integreat.Lists.Core.Archiving;

/// <summary>Splits text into folded search words, the same way for archived posts and for queries, so that
/// "Fördermittel", "FÖRDERMITTEL" and "Foerdermittel" find each other.</summary>
/// <remarks>Folding follows Lucene's GermanNormalizationFilter in spirit: lower case (invariant), ß → ss, umlauts and
/// their two-letter spellings (ä/ae, ö/oe, ü/ue) → a, o, u, other diacritics dropped (é → e). Words are runs of
/// letters and digits; single characters are dropped.</remarks>
public static class SearchWords
{
    /// <summary>Words longer than this are cut (keeps the index small for base64 junk and URLs).</summary>
    public const int MaxWordLength = 40;

    /// <summary>The folded words of <paramref name="text"/>, in order, with repeats.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }
            if (Fold(word) is { } done) yield return done;
        }
        if (Fold(word) is { } last) yield return last;
    }

    /// <summary>The folded form of one word, e.g. <c>Straße</c> → <c>strasse</c>, <c>Übergabe</c> → <c>ubergabe</c>.</summary>
    public static string FoldWord(string word)
    {
        var folded = Fold(word);
        return folded.Length > MaxWordLength ? folded[..MaxWordLength] : folded;
    }

    /// <summary>The folded form of any text, whatever its length (for substring searches, e.g. in the roster):
    /// <c>Müller</c> and <c>Mueller</c> → <c>muller</c>.</summary>
    public static string Fold(string text)
    {
        var lower = text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal)
            .Replace("ae", "a", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal).Replace("ue", "u", StringComparison.Ordinal);
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) output.Append(c);
        return output.ToString().Normalize(NormalizationForm.FormC);
    }

    static string? Fold(StringBuilder word)
    {
        if (word.Length == 0) return null;
        var text = word.ToString();
        word.Clear();
        return text.Length < 2 ? null : FoldWord(text);
    }
}
