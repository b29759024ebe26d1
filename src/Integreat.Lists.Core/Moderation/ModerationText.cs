namespace Integreat.Lists.Core.Moderation;

/// <summary>Small text helpers of moderation.</summary>
public static class ModerationText
{
    /// <summary>A header value as one line without control characters, at most 200 characters.</summary>
    public static string Line(string? value)
    {
        var text = string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 200 ? text : text[..200];
    }
}
