using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Api;

/// <summary>The API's errors as RFC 9457 problem details (<c>application/problem+json</c>): a status, a short title
/// and one sentence of detail.</summary>
internal static class ApiProblems
{
    /// <summary>401: no token, or a token that is unknown, revoked or wrong (RFC 6750 §3 challenge).</summary>
    public static IResult Unauthorized(HttpContext context, string detail, bool presented)
    {
        context.Response.Headers.WWWAuthenticate = presented
            ? "Bearer realm=\"integreat-lists\", error=\"invalid_token\""
            : "Bearer realm=\"integreat-lists\"";
        return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    /// <summary>403: the token may not act on this list.</summary>
    public static IResult Forbidden(string list)
        => Problem(StatusCodes.Status403Forbidden, "Forbidden", $"This token may not act on the list {list}.");

    /// <summary>404: no such list, member or held post.</summary>
    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not Found", detail);

    /// <summary>400: the request cannot be carried out as sent (invalid address, missing field, ...).</summary>
    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad Request", detail);

    /// <summary>409: the request conflicts with the current state (e.g. a held post decided meanwhile).</summary>
    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    static IResult Problem(int status, string title, string detail)
        => TypedResults.Problem(detail: detail, statusCode: status, title: title, type: "https://www.rfc-editor.org/rfc/rfc9110#status." + status);
}
