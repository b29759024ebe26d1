using Integreat.Lists.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Api;

/// <summary>The middleware in front of every <c>/api/v1</c> endpoint (the OpenAPI document aside): it requires
/// <c>Authorization: Bearer TOKEN</c> with a token made by <c>api-token create</c>, and, for a path under
/// <c>/lists/{list}</c>, a token that covers that list. 401 and 403 are problem details.</summary>
/// <remarks>A middleware, not an endpoint filter: filters run after the request body is bound, so an anonymous
/// request with a malformed body would get 400 instead of 401.</remarks>
internal static class ApiAuthentication
{
    /// <summary>The path prefix the middleware guards.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>The path of the OpenAPI document, served without a token.</summary>
    public const string Document = Prefix + "/openapi.json";

    /// <summary>The authenticated token of the current request.</summary>
    public static ApiToken Token(HttpContext context) => (ApiToken)context.Items[typeof(ApiToken)]!;

    /// <summary>True for the requests the middleware guards.</summary>
    public static bool Guards(HttpContext context)
        => context.Request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal) && context.Request.Path != Document;

    /// <summary>Authenticates and authorises the request, or answers it with 401/403.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var refusal = Check(context, context.RequestServices.GetRequiredService<ApiTokens>());
        if (refusal is null) await next(context).ConfigureAwait(false);
        else await refusal.ExecuteAsync(context).ConfigureAwait(false);
    }

    static IResult? Check(HttpContext context, ApiTokens tokens)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Unauthorized(context, "Send 'Authorization: Bearer TOKEN' with a token from 'integreat-lists api-token create'.", presented: false);
        if (tokens.Authenticate(header["Bearer ".Length..].Trim()) is not { } token)
            return ApiProblems.Unauthorized(context, "The token is unknown, revoked or wrong.", presented: true);
        if (context.Request.RouteValues["list"] is string list && !token.Covers(list))
            return ApiProblems.Forbidden(list);
        context.Items[typeof(ApiToken)] = token;
        return null;
    }
}
