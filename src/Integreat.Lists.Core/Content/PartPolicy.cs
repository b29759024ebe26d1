using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>Decides whether one MIME part is allowed on a list (<see cref="ContentSettings"/>).</summary>
public static class PartPolicy
{
    /// <summary>True when <paramref name="part"/>, a leaf part, may not go out on a list with <paramref name="settings"/>.</summary>
    /// <remarks>The file name comes from <c>Content-Disposition: filename</c>, else <c>Content-Type: name</c>
    /// (RFC 2183 §2.3, RFC 2231 decoding by MimeKit); trailing dots and spaces are ignored, as Windows ignores them
    /// ("rechnung.exe." runs as rechnung.exe).</remarks>
    public static bool IsBlocked(ContentSettings settings, MimePart part)
    {
        if (settings.FilterAction == ContentFilterAction.Off) return false;
        var type = part.ContentType.MimeType;
        if (settings.BlockedTypes.Any(pattern => Matches(pattern, type))) return true;
        if (Extension(part) is { Length: > 0 } extension
            && settings.BlockedExtensions.Any(e => e.TrimStart('.').Equals(extension, StringComparison.OrdinalIgnoreCase))) return true;
        return settings.AllowedTypes.Count > 0 && !type.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            && !settings.AllowedTypes.Any(pattern => Matches(pattern, type));
    }

    /// <summary>How a part is named in notes and hold reasons: <c>„name“ (type)</c>, or just the type.</summary>
    public static string Describe(MimePart part)
        => part.FileName is { Length: > 0 } name ? $"„{name}“ ({part.ContentType.MimeType})" : part.ContentType.MimeType;

    /// <summary>The extension of the part's file name without the dot, or empty.</summary>
    public static string Extension(MimePart part)
    {
        var name = (part.FileName ?? "").TrimEnd('.', ' ');
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[(dot + 1)..];
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="pattern"/> or falls under <c>type/*</c>.</summary>
    public static bool Matches(string pattern, string type)
    {
        pattern = pattern.Trim();
        return pattern.EndsWith("/*", StringComparison.Ordinal)
            ? type.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : type.Equals(pattern, StringComparison.OrdinalIgnoreCase);
    }
}
