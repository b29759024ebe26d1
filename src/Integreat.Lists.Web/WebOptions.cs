namespace Integreat.Lists.Web;

/// <summary>Settings of section <c>Web</c>: the HTTP port for health, metrics, sign-in and the web pages.</summary>
public sealed class WebOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Web";

    /// <summary>The URL Kestrel listens on, <c>http://address:port</c>; port 0 picks a free port. Empty: no web port.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:8025";

    /// <summary>The public URL under which users reach the web port (behind a reverse proxy), for links in mail;
    /// empty means <see cref="Listen"/>.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>How long a due delivery job or an <c>in</c> queue entry may wait before <c>/readyz</c> calls the
    /// queue stuck.</summary>
    public TimeSpan QueueStuckAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The addresses (any case) that may create lists and administer every list in the web admin area.</summary>
    public string[] SiteAdmins { get; set; } = [];

    /// <summary>How long a mailed sign-in link stays valid (it works once).</summary>
    public TimeSpan LoginLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The most sign-in mails one address gets per hour; further requests send nothing.</summary>
    public int MaxLoginMailsPerHour { get; set; } = 3;

    /// <summary>How long a session lasts without a request (sliding: each request renews it).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
