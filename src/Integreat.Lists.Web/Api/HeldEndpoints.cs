using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Web.Api.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Api;

/// <summary>Held posts: <c>GET /api/v1/lists/{list}/held</c> and <c>POST .../held/{id}/approve|reject|discard</c>,
/// decided by the same <see cref="HoldDecisions"/> as the <c>held</c> command (audited with channel <c>api</c>).</summary>
internal static class HeldEndpoints
{
    /// <summary>Maps the endpoints on the authenticated group.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/lists/{list}/held", (string list, HttpContext context, ApiBackend backend) => ListEndpoints.Run(() =>
        {
            var address = backend.Lists(ApiAuthentication.Token(context)).GetList(list).Address;
            return TypedResults.Ok(backend.Held.List(address).Select(HeldPostView.Of).ToList());
        }))
            .WithName("GetHeldPosts").WithSummary("The posts held for moderation, oldest first.")
            .Produces<List<HeldPostView>>().ProducesProblem(StatusCodes.Status404NotFound);

        Decision(api, "approve", "Distributes a held post to the members; acceptSender also accepts the sender's later posts.",
            (holds, id, body, actor) => holds.Approve(id, body.AcceptSender, actor, ApiBackend.Channel));
        Decision(api, "reject", "Refuses a held post; the poster gets a notice with the reason.",
            (holds, id, body, actor) => holds.Reject(id, body.Reason ?? "", actor, ApiBackend.Channel));
        Decision(api, "discard", "Deletes a held post without telling the poster; the reason goes to the audit log.",
            (holds, id, body, actor) => holds.Discard(id, actor, ApiBackend.Channel, body.Reason ?? ""));
    }

    static void Decision(IEndpointRouteBuilder api, string verb, string summary, Func<HoldDecisions, string, DecisionRequest, string, HoldOutcome> decide)
    {
        api.MapPost("/lists/{list}/held/{id}/" + verb, (string list, string id, DecisionRequest? body, HttpContext context, ApiBackend backend)
            => ListEndpoints.Run(() =>
            {
                var token = ApiAuthentication.Token(context);
                var address = backend.Lists(token).GetList(list).Address;
                if (backend.Held.Find(id) is not { } post || post.List != address)
                    return ApiProblems.NotFound($"no held post {id} on {address}");
                var outcome = decide(backend.Holds, post.Id, body ?? new DecisionRequest(), token.Actor());
                // Another moderator (by mail, CLI or API) may have decided between the lookup and now.
                return outcome.Done
                    ? TypedResults.Ok(new DecisionView(post.Id, verb, outcome.English, outcome.German))
                    : ApiProblems.Conflict(outcome.English);
            }))
            .WithName(char.ToUpperInvariant(verb[0]) + verb[1..] + "HeldPost").WithSummary(summary)
            .Produces<DecisionView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
