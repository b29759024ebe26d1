using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Api;

/// <summary>The REST/JSON API under <c>/api/v1</c>: lists, members, held posts and bounces, for tokens made with
/// <c>integreat-lists api-token create</c> (<c>Authorization: Bearer TOKEN</c>; a token is site-wide or for one list).
/// Errors are RFC 9457 problem details. The OpenAPI document is <c>GET /api/v1/openapi.json</c> (no token needed).</summary>
public sealed class ApiArea : IWebArea
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, IServiceProvider daemon)
    {
        services.AddSingleton(new ApiBackend(daemon));
        services.AddSingleton(sp => sp.GetRequiredService<ApiBackend>().Tokens);
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(ApiDocument.Transform);
        });
    }

    /// <inheritdoc/>
    public void UseMiddleware(WebApplication app)
        => app.UseWhen(ApiAuthentication.Guards, branch => branch.Use(ApiAuthentication.InvokeAsync));

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(ApiAuthentication.Document);
        var api = endpoints.MapGroup(ApiAuthentication.Prefix)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        ListEndpoints.Map(api);
        MemberEndpoints.Map(api);
        HeldEndpoints.Map(api);
        BounceEndpoints.Map(api);
    }
}
