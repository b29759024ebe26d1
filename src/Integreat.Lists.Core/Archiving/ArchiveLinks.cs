namespace Integreat.Lists.Core.Archiving;

/// <summary>The archive's public URLs, for <c>List-Archive</c> (RFC 2369 §3.6) and <c>Archived-At</c> (RFC 5064)
/// and for links on the pages: <c>{base}/archive/{list}</c> and <c>{base}/archive/{list}/post/{id}</c>.</summary>
/// <param name="baseUrl">The web port's public base URL (<c>Web:BaseUrl</c>, else <c>Web:Listen</c>), e.g.
/// <c>https://lists.integreat.example</c>; a trailing slash is ignored.</param>
public sealed class ArchiveLinks(string baseUrl)
{
    readonly string _base = baseUrl.TrimEnd('/');

    /// <summary>False without a web port (no <c>Web:BaseUrl</c> and no <c>Web:Listen</c>): then there is no page to
    /// link to, and a relative link in mail would be no URI at all (RFC 2369 §2 wants absolute ones).</summary>
    public bool Published => _base.Length > 0;

    /// <summary>The list's archive page.</summary>
    public string List(string list) => $"{_base}{ListPath(list)}";

    /// <summary>A post's page.</summary>
    public string Post(string list, string id) => $"{_base}{PostPath(list, id)}";

    /// <summary>The path of the list's archive page (no base), e.g. <c>/archive/bayern@lists.integreat.example</c>.</summary>
    public static string ListPath(string list) => "/archive/" + Uri.EscapeDataString(list).Replace("%40", "@", StringComparison.Ordinal);

    /// <summary>The path of a post's page (no base).</summary>
    public static string PostPath(string list, string id) => ListPath(list) + "/post/" + Uri.EscapeDataString(id);
}
