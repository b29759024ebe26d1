using Integreat.Lists.Web;

namespace Integreat.Lists.Daemon.Configuration;

/// <summary>Checks section <c>Web</c>, one sentence per problem.</summary>
public static class WebValidator
{
    /// <summary>Returns the problems; empty when the section is usable.</summary>
    public static IReadOnlyList<string> Validate(WebOptions web)
    {
        var problems = new List<string>();
        if (web.Listen.Length > 0 && !IsHttpUrl(web.Listen))
            problems.Add($"Web:Listen '{web.Listen}' is not a URL such as http://127.0.0.1:8025 (leave it empty for no web port).");
        if (web.BaseUrl.Length > 0 && !(Uri.TryCreate(web.BaseUrl, UriKind.Absolute, out var b) && b.Scheme is "http" or "https"))
            problems.Add($"Web:BaseUrl '{web.BaseUrl}' is not an http or https URL.");
        if (web.QueueStuckAfter <= TimeSpan.Zero) problems.Add("Web:QueueStuckAfter must be positive, e.g. 00:30:00.");
        foreach (var admin in web.SiteAdmins.Where(a => !Core.Addressing.EmailAddress.TryParse(a, out _)))
            problems.Add($"Web:SiteAdmins '{admin}' is not an e-mail address.");
        if (web.LoginLinkLifetime <= TimeSpan.Zero) problems.Add("Web:LoginLinkLifetime must be positive, e.g. 00:30:00.");
        if (web.MaxLoginMailsPerHour < 1) problems.Add("Web:MaxLoginMailsPerHour must be at least 1.");
        if (web.SessionLifetime <= TimeSpan.Zero) problems.Add("Web:SessionLifetime must be positive, e.g. 08:00:00.");
        return problems;
    }

    static bool IsHttpUrl(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.AbsolutePath == "/" && !uri.IsDefaultPort;
}
