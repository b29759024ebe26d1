using Integreat.Lists.Web.Api.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Api;

/// <summary><c>GET /api/v1/lists/{list}/bounces</c>: each member's bounce score and the bounce events.</summary>
internal static class BounceEndpoints
{
    /// <summary>Maps the endpoint on the authenticated group.</summary>
    public static void Map(IEndpointRouteBuilder api)
        => api.MapGet("/lists/{list}/bounces", (string list, HttpContext context, ApiBackend backend) => ListEndpoints.Run(() =>
        {
            var lists = backend.Lists(ApiAuthentication.Token(context));
            var address = lists.GetList(list).Address;
            return TypedResults.Ok(new BouncesView(lists.Roster(address).Select(BounceScoreView.Of).ToList(),
                backend.Bounces.ForList(address).Select(BounceEventView.Of).ToList()));
        }))
            .WithName("GetBounces").WithSummary("Each member's bounce score and delivery state, and the bounce events (oldest first).")
            .Produces<BouncesView>().ProducesProblem(StatusCodes.Status404NotFound);
}
