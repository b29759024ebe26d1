namespace Integreat.Lists.Web.Api.Models;

/// <summary>The optional body of <c>POST /api/v1/lists/{list}/held/{id}/approve|reject|discard</c>.</summary>
/// <param name="AcceptSender">approve: also accept later posts of this sender without moderation.</param>
/// <param name="Reason">reject: the reason the poster is told; discard: noted in the audit log.</param>
public sealed record DecisionRequest(bool AcceptSender = false, string? Reason = null);
