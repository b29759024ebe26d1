namespace Integreat.Lists.Web.Api.Models;

/// <summary>The result of a decision on a held post.</summary>
/// <param name="Id">The held post's id.</param>
/// <param name="Decision">approve, reject or discard.</param>
/// <param name="Message">What happened, in English.</param>
/// <param name="MessageGerman">What happened, in German.</param>
public sealed record DecisionView(string Id, string Decision, string Message, string MessageGerman);
