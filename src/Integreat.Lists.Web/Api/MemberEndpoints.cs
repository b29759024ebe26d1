using Integreat.Lists.Core.Model;
using Integreat.Lists.Web.Api.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Api;

/// <summary>The roster: <c>GET</c> and <c>POST /api/v1/lists/{list}/members</c>, <c>DELETE
/// /api/v1/lists/{list}/members/{address}</c>. Changes are audited with channel <c>api</c>.</summary>
internal static class MemberEndpoints
{
    /// <summary>Maps the endpoints on the authenticated group.</summary>
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/lists/{list}/members", (string list, HttpContext context, ApiBackend backend)
            => ListEndpoints.Run(() => TypedResults.Ok(backend.Lists(ApiAuthentication.Token(context)).Roster(list).Select(MemberView.Of).ToList())))
            .WithName("GetMembers").WithSummary("The roster, ordered by address.").Produces<List<MemberView>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/lists/{list}/members", (string list, AddMemberRequest body, HttpContext context, ApiBackend backend) => ListEndpoints.Run(() =>
        {
            if (string.IsNullOrWhiteSpace(body.Address)) return ApiProblems.BadRequest("The field 'address' is required.");
            if (!TryRole(body.Role, out var role)) return ApiProblems.BadRequest($"'{body.Role}' is not a role: member, owner or moderator.");
            var lists = backend.Lists(ApiAuthentication.Token(context));
            var addition = lists.AddMembers(list, [body.Address], body.Name, role)[0];
            var member = lists.Roster(list).First(m => m.Address == addition.Address);
            return addition.Added
                ? TypedResults.Created($"{context.Request.PathBase}/api/v1/lists/{Uri.EscapeDataString(member.List)}/members/{Uri.EscapeDataString(member.Address)}", MemberView.Of(member))
                : TypedResults.Ok(MemberView.Of(member));
        }))
            .WithName("AddMember").WithSummary("Adds an address (201), or answers 200 when it is already on the roster; refuses an address forgotten on request (400).")
            .Produces<MemberView>(StatusCodes.Status201Created).Produces<MemberView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/lists/{list}/members/{address}", (string list, string address, HttpContext context, ApiBackend backend) => ListEndpoints.Run(() =>
        {
            backend.Lists(ApiAuthentication.Token(context)).RemoveMember(list, address);
            return TypedResults.NoContent();
        }))
            .WithName("RemoveMember").WithSummary("Removes an address from the roster (no notice is sent); refuses the list's last owner (400).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    static bool TryRole(string? word, out MemberRole role)
    {
        role = MemberRole.Member;
        return string.IsNullOrEmpty(word) || Enum.TryParse(word, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(word, out _);
    }
}
