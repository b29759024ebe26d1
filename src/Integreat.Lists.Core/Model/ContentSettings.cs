namespace Integreat.Lists.Core.Model;

/// <summary>A list's content settings (Mailman's <c>ContentFiltering</c>): which MIME parts a post may carry and
/// whether an HTML-only post gets a plain-text alternative. Types are <c>type/subtype</c> or <c>type/*</c>, compared
/// case-insensitively; extensions are without the dot, e.g. <c>exe</c>.</summary>
/// <remarks>Only leaf parts are checked (never <c>multipart/*</c> or the <c>message/rfc822</c> wrapper, whose inner
/// parts are checked in turn). A part is blocked when its type is in <see cref="BlockedTypes"/>, its file name ends
/// in one of <see cref="BlockedExtensions"/>, or <see cref="AllowedTypes"/> is not empty and names neither its type
/// nor is it <c>text/plain</c>.</remarks>
public sealed class ContentSettings
{
    /// <summary>The extensions blocked on a new list: programs and scripts Windows runs on a double click, Java
    /// archives, and Office files with macros.</summary>
    public static readonly IReadOnlyList<string> DefaultBlockedExtensions =
        ["exe", "bat", "cmd", "com", "js", "vbs", "scr", "pif", "jar", "docm", "xlsm", "pptm"];

    /// <summary>The content types blocked on a new list: the MIME types of <see cref="DefaultBlockedExtensions"/>.</summary>
    public static readonly IReadOnlyList<string> DefaultBlockedTypes =
    [
        "application/x-msdownload", "application/x-msdos-program", "application/x-dosexec", "application/x-ms-dos-executable",
        "application/vnd.microsoft.portable-executable", "application/x-bat", "application/x-msbatch",
        "application/javascript", "application/x-javascript", "text/javascript", "text/vbscript", "application/x-vbscript",
        "application/java-archive", "application/x-java-archive",
        "application/vnd.ms-word.document.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
        "application/vnd.ms-powerpoint.presentation.macroenabled.12",
    ];

    /// <summary>What happens to a post with a blocked part; default <see cref="ContentFilterAction.Strip"/>.</summary>
    public ContentFilterAction FilterAction { get; set; } = ContentFilterAction.Strip;

    /// <summary>Content types that are blocked; default <see cref="DefaultBlockedTypes"/>.</summary>
    public List<string> BlockedTypes { get; set; } = [.. DefaultBlockedTypes];

    /// <summary>File name extensions (without dot, lower-case) that are blocked; default <see cref="DefaultBlockedExtensions"/>.</summary>
    public List<string> BlockedExtensions { get; set; } = [.. DefaultBlockedExtensions];

    /// <summary>When not empty, the only content types a part may have (besides <c>text/plain</c>); default empty,
    /// every type that is not blocked.</summary>
    public List<string> AllowedTypes { get; set; } = [];

    /// <summary>When true (default) an HTML-only post goes out as <c>multipart/alternative</c> with a plain-text part
    /// made from the HTML before it, for members whose mail program shows text only.</summary>
    public bool ConvertHtml { get; set; } = true;
}
