namespace Integreat.Lists.Web.Api.Models;

/// <summary>The bounce state of a list: each member's score and the recorded events.</summary>
/// <param name="Members">Each roster entry's bounce state.</param>
/// <param name="Events">The bounce events, oldest first.</param>
public sealed record BouncesView(IReadOnlyList<BounceScoreView> Members, IReadOnlyList<BounceEventView> Events);
