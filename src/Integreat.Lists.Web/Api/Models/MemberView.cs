using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Web.Api.Models;

/// <summary>A roster entry as the API shows it.</summary>
/// <param name="Address">The normalised address.</param>
/// <param name="Name">The display name, or empty.</param>
/// <param name="Role">member, owner or moderator.</param>
/// <param name="Moderated">True when the member's posts are held.</param>
/// <param name="Delivery">enabled, bybounces or bycomplaint.</param>
/// <param name="BounceScore">The bounce score.</param>
/// <param name="CreatedUtc">When the entry was made (UTC).</param>
public sealed record MemberView(string Address, string Name, string Role, bool Moderated, string Delivery, double BounceScore,
    DateTime CreatedUtc)
{
    /// <summary>The view of <paramref name="member"/>.</summary>
    public static MemberView Of(Member member) => new(member.Address, member.DisplayName, ListView.Word(member.Role),
        member.Moderated, ListView.Word(member.Delivery), member.BounceScore, member.CreatedUtc);
}
