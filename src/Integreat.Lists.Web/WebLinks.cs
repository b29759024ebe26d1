using Integreat.Lists.Core.Abstractions;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Web;

/// <summary>The base URL for links in mail: <see cref="WebOptions.BaseUrl"/> when set, else the address the web port
/// is bound to (so <c>Listen</c> with port 0 gives the real port); null while there is no web port.</summary>
public sealed class WebLinks(IOptions<WebOptions> options, WebServer server) : IWebLinks
{
    /// <inheritdoc/>
    public string? BaseUrl
    {
        get
        {
            var web = options.Value;
            if (web.Listen.Length == 0) return null;
            if (web.BaseUrl.Length > 0) return web.BaseUrl.TrimEnd('/');
            return server.Listening.IsCompletedSuccessfully && server.Listening.Result is { } bound
                ? bound.GetLeftPart(UriPartial.Authority)
                : null;
        }
    }
}
