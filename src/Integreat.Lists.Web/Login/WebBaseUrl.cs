using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Web.Login;

/// <summary>The public base URL for links in mail: <c>Web:BaseUrl</c>, else the address Kestrel is bound to (the
/// real port also for <c>Listen</c> port 0). Never the request's Host header, which the visitor controls.</summary>
public sealed class WebBaseUrl(IOptions<WebOptions> options, IServer server)
{
    /// <summary>The base URL, ending in <c>/</c>.</summary>
    public Uri Get()
    {
        var configured = options.Value.BaseUrl;
        var text = configured.Length > 0
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.Value.Listen;
        return new Uri(text.TrimEnd('/') + "/");
    }

    /// <summary>True when links (and so cookies) are https: cookies are then marked Secure.</summary>
    public static bool IsHttps(WebOptions options)
        => options.BaseUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
}
