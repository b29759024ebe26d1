using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Web.Api.Models;

/// <summary>One member's bounce state.</summary>
/// <param name="Address">The member.</param>
/// <param name="Score">The bounce score.</param>
/// <param name="LastBounceUtc">The last scored bounce (UTC), or null.</param>
/// <param name="Delivery">enabled, bybounces or bycomplaint.</param>
/// <param name="WarningsSent">Warnings sent since delivery was disabled.</param>
public sealed record BounceScoreView(string Address, double Score, DateTime? LastBounceUtc, string Delivery, int WarningsSent)
{
    /// <summary>The view of <paramref name="member"/>.</summary>
    public static BounceScoreView Of(Member member)
        => new(member.Address, member.BounceScore, member.LastBounceUtc, ListView.Word(member.Delivery), member.WarningsSent);
}
