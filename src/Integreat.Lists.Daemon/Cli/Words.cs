using System.Globalization;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>How the CLI spells settings and times: enum members as lower-case words (<c>poster</c>,
/// <c>reject</c>), times as ISO 8601 UTC.</summary>
internal static class Words
{
    /// <summary>The accepted words of an enum, e.g. <c>none</c>, <c>poster</c>, <c>list</c>.</summary>
    public static string[] Of<T>() where T : struct, Enum => Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>The word of one value.</summary>
    public static string Of<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The value of a word from <see cref="Of{T}()"/>; null for null.</summary>
    public static T? Parse<T>(string? word) where T : struct, Enum => word is null ? null : Enum.Parse<T>(word, ignoreCase: true);

    /// <summary>The kebab-case words of an enum, e.g. <c>when-required</c> for <c>WhenRequired</c>.</summary>
    public static string[] KebabOf<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Kebab).ToArray();

    /// <summary>The kebab-case word of one value.</summary>
    public static string Kebab<T>(T value) where T : struct, Enum
        => string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The value of a word from <see cref="KebabOf{T}"/>; null for null.</summary>
    public static T? ParseKebab<T>(string? word) where T : struct, Enum
        => word is null ? null : Enum.Parse<T>(word.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    /// <summary>A UTC time as <c>2025-11-29T20:48:00Z</c>; <c>never</c> for <see cref="DateTime.MaxValue"/>.</summary>
    public static string Time(DateTime utc)
        => utc == DateTime.MaxValue ? "never" : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The text, or <c>-</c> when it is empty, so every key has a visible value.</summary>
    public static string OrDash(string? text) => string.IsNullOrEmpty(text) ? "-" : text;
}
