using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Integreat.Lists.Web.Archive;

/// <summary>Makes an archived HTML body safe to show inside an archive page (HtmlSanitizer): no script, no event
/// handler attributes, no <c>javascript:</c> or other non-web links, no forms, no styles (CSS can load URLs), and no
/// image from elsewhere: a remote image becomes a note with its alt text; only the post's own <c>cid:</c> parts load.</summary>
/// <remarks>The page's Content-Security-Policy (<see cref="Pages.Page.ContentSecurityPolicy"/>) backs this up.</remarks>
public sealed partial class PostSanitizer
{
    static readonly string[] Removed = ["style", "srcset", "background", "class", "id", "name", "usemap"];
    static readonly string[] RemovedTags = ["form", "input", "button", "select", "textarea", "option", "optgroup", "fieldset", "legend"];

    /// <summary>The text shown in place of a remote image, e.g. "Bild nicht geladen".</summary>
    public string BlockedImage { get; init; } = "Bild nicht geladen";

    /// <summary>Sanitizes <paramref name="html"/>.</summary>
    /// <param name="html">The HTML body as sent.</param>
    /// <param name="contentIds">Content-ID (without brackets) → same-site URL of that part.</param>
    public string Sanitize(string html, IReadOnlyDictionary<string, string> contentIds)
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var attribute in Removed) sanitizer.AllowedAttributes.Remove(attribute);
        foreach (var tag in RemovedTags) sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedSchemes.Add("integreat-part");
        sanitizer.PostProcessNode += (_, e) => PostProcess(e);
        var withParts = CidSource().Replace(html, m => contentIds.TryGetValue(Uri.UnescapeDataString(m.Groups["id"].Value), out var url)
            ? $"{m.Groups["attr"].Value}=\"integreat-part:{url}\"" : $"{m.Groups["attr"].Value}=\"\"");
        return sanitizer.Sanitize(withParts);
    }

    void PostProcess(PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element) return;
        if (element.LocalName == "a" && element.HasAttribute("href")) element.SetAttribute("rel", "nofollow noopener noreferrer");
        if (element.LocalName != "img") return;
        var source = element.GetAttribute("src") ?? "";
        if (source.StartsWith("integreat-part:", StringComparison.Ordinal))
        {
            element.SetAttribute("src", source["integreat-part:".Length..]);
            return;
        }
        var note = e.Document.CreateElement("span");
        note.SetAttribute("class", "blocked");
        var alt = element.GetAttribute("alt");
        note.TextContent = string.IsNullOrWhiteSpace(alt) ? $"[{BlockedImage}]" : $"[{BlockedImage}: {alt}]";
        e.ReplacementNodes.Add(note);
    }

    [GeneratedRegex("(?<attr>src)\\s*=\\s*[\"']?cid:(?<id>[^\"'\\s>]+)[\"']?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CidSource();
}
