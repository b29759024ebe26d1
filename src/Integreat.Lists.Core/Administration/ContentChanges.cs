using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Administration;

/// <summary>The content settings <c>lists set</c> changes (<see cref="ContentSettings"/>); null leaves a setting.</summary>
/// <param name="FilterAction">What happens to a post with a blocked part.</param>
/// <param name="ConvertHtml">Whether HTML-only posts get a text alternative.</param>
/// <param name="BlockTypes">Content types to block, <c>type/subtype</c> or <c>type/*</c>.</param>
/// <param name="UnblockTypes">Content types to stop blocking.</param>
/// <param name="BlockExtensions">File name extensions to block (with or without the dot).</param>
/// <param name="UnblockExtensions">Extensions to stop blocking.</param>
/// <param name="AllowTypes">Content types to add to the allowed list (which, when not empty, is the only types
/// allowed besides <c>text/plain</c>).</param>
/// <param name="DisallowTypes">Content types to remove from the allowed list.</param>
public sealed record ContentChanges(
    ContentFilterAction? FilterAction = null, bool? ConvertHtml = null,
    IReadOnlyList<string>? BlockTypes = null, IReadOnlyList<string>? UnblockTypes = null,
    IReadOnlyList<string>? BlockExtensions = null, IReadOnlyList<string>? UnblockExtensions = null,
    IReadOnlyList<string>? AllowTypes = null, IReadOnlyList<string>? DisallowTypes = null)
{
    /// <summary>True when no setting is to change.</summary>
    public bool IsEmpty => FilterAction is null && ConvertHtml is null
        && new[] { BlockTypes, UnblockTypes, BlockExtensions, UnblockExtensions, AllowTypes, DisallowTypes }.All(l => l is null || l.Count == 0);

    /// <summary>Applies the changes to <paramref name="settings"/>.</summary>
    /// <exception cref="AdministrationException">A type is not <c>type/subtype</c> or <c>type/*</c>, or an extension
    /// is empty or has a dot inside; nothing is changed.</exception>
    public void Apply(ContentSettings settings)
    {
        foreach (var type in new[] { BlockTypes, UnblockTypes, AllowTypes, DisallowTypes }.SelectMany(l => l ?? []).Where(t => !IsType(t)))
            throw new AdministrationException($"'{type}' is not a content type such as application/pdf or image/*");
        var extensions = new[] { BlockExtensions, UnblockExtensions }.SelectMany(l => l ?? []).ToList();
        foreach (var extension in extensions.Where(e => Extension(e) is "" || Extension(e).Contains('.')))
            throw new AdministrationException($"'{extension}' is not a file name extension such as exe");
        if (FilterAction is { } action) settings.FilterAction = action;
        if (ConvertHtml is { } convert) settings.ConvertHtml = convert;
        Edit(settings.BlockedTypes, BlockTypes, UnblockTypes, t => t.Trim().ToLowerInvariant());
        Edit(settings.BlockedExtensions, BlockExtensions, UnblockExtensions, Extension);
        Edit(settings.AllowedTypes, AllowTypes, DisallowTypes, t => t.Trim().ToLowerInvariant());
    }

    static string Extension(string text) => text.Trim().TrimStart('.').ToLowerInvariant();

    static bool IsType(string text)
    {
        var parts = text.Trim().Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && !p.Any(char.IsWhiteSpace));
    }

    static void Edit(List<string> target, IReadOnlyList<string>? add, IReadOnlyList<string>? remove, Func<string, string> normalise)
    {
        foreach (var item in (remove ?? []).Select(normalise)) target.RemoveAll(t => t.Equals(item, StringComparison.OrdinalIgnoreCase));
        foreach (var item in (add ?? []).Select(normalise))
            if (!target.Contains(item, StringComparer.OrdinalIgnoreCase)) target.Add(item);
    }
}
