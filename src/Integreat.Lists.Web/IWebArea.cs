using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web;

/// <summary>One part of the web port (archive, login, admin area, API, unsubscribe), registered in the daemon's
/// container as <c>IWebArea</c>; <see cref="WebServer"/> builds the web application from all of them.</summary>
/// <remarks>The web application has a container of its own: an area copies what it needs of the daemon
/// (the <c>daemon</c> argument) into <c>services</c>, so the web port reaches the daemon only through Core's ports.
/// Areas are applied in <see cref="Order"/>: lower first (authentication before the areas that need a user).</remarks>
public interface IWebArea
{
    /// <summary>Lower runs first in <see cref="ConfigureServices"/>, <see cref="UseMiddleware"/> and <see cref="Map"/>.</summary>
    int Order => 100;

    /// <summary>Adds the area's services to the web application's container.</summary>
    void ConfigureServices(IServiceCollection services, IServiceProvider daemon) { }

    /// <summary>Adds middleware (before routing to endpoints), e.g. authentication.</summary>
    void UseMiddleware(WebApplication app) { }

    /// <summary>Maps the area's endpoints.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
