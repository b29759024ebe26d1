namespace Integreat.Lists.Core.Administration;

/// <summary>What <see cref="ListAdministration.AddMembers"/> did with one requested address.</summary>
/// <param name="Address">The normalised address.</param>
/// <param name="Added">True when it was added; false when it was on the roster already (left unchanged).</param>
public sealed record MemberAddition(string Address, bool Added);
