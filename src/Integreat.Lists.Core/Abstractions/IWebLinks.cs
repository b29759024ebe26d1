namespace Integreat.Lists.Core.Abstractions;

/// <summary>Where users reach the web port, for links in mail (one-click unsubscribe, archive).</summary>
public interface IWebLinks
{
    /// <summary>The public base URL without a trailing slash (<c>https://lists.example.org</c>), or null while there
    /// is no web port (off, not bound yet, or failed to bind).</summary>
    string? BaseUrl { get; }
}
