namespace Integreat.Lists.Web.Api.Models;

/// <summary>The body of <c>POST /api/v1/lists/{list}/members</c>.</summary>
/// <param name="Address">The address to add.</param>
/// <param name="Name">Its display name; optional.</param>
/// <param name="Role">member (default), owner or moderator.</param>
public sealed record AddMemberRequest(string? Address, string? Name, string? Role);
