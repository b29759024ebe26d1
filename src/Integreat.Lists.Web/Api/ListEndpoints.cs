using Integreat.Lists.Core.Administration;
using Integreat.Lists.Web.Api.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Api;

/// <summary><c>GET /api/v1/lists</c> (the lists the token covers) and <c>GET /api/v1/lists/{list}</c>.</summary>
internal static class ListEndpoints
{
    /// <summary>Maps the endpoints on the authenticated group.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/lists", (HttpContext context, ApiBackend backend) =>
        {
            var token = ApiAuthentication.Token(context);
            return TypedResults.Ok(backend.Lists(token).AllLists().Where(l => token.Covers(l.Address)).Select(ListView.Of).ToList());
        }).WithName("GetLists").WithSummary("The lists the token may act on.").Produces<List<ListView>>();

        api.MapGet("/lists/{list}", (string list, HttpContext context, ApiBackend backend)
            => Run(() => TypedResults.Ok(ListView.Of(backend.Lists(ApiAuthentication.Token(context)).GetList(list)))))
            .WithName("GetList").WithSummary("One list's settings.").Produces<ListView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Runs a use case and turns its <see cref="AdministrationException"/> into a problem: 404 for an
    /// unknown list or entry, else 400.</summary>
    public static IResult Run(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (AdministrationException ex)
        {
            return ex.Message.StartsWith("no ", StringComparison.Ordinal) || ex.Message.Contains(" is not a member of ", StringComparison.Ordinal)
                ? ApiProblems.NotFound(ex.Message)
                : ApiProblems.BadRequest(ex.Message);
        }
    }
}
