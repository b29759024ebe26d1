using Integreat.Lists.Core.Addressing;

namespace Integreat.Lists.Core.Model;

/// <summary>One roster entry: an address on a list with a role. One entry per (list, address).</summary>
public sealed class Member
{
    /// <summary>The storage key, <c>LIST|ADDRESS</c>, both normalised.</summary>
    public string Id { get; set; } = "";

    /// <summary>The list's posting address (normalised).</summary>
    public string List { get; set; } = "";

    /// <summary>The member's address, normalised (lower case) for comparison.</summary>
    public string Address { get; set; } = "";

    /// <summary>The member's display name, or empty.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The member's role on this list.</summary>
    public MemberRole Role { get; set; } = MemberRole.Member;

    /// <summary>True when the member's posts are held for a moderator instead of being distributed (set by an
    /// admin: <c>set moderated ADDRESS on|off</c>).</summary>
    public bool Moderated { get; set; }

    /// <summary>When the entry was created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>Whether the member gets posts; disabled members are skipped in fan-out.</summary>
    public DeliveryStatus Delivery { get; set; } = DeliveryStatus.Enabled;

    /// <summary>The bounce score (permanent bounces +1.0, temporary +0.5 by default; see <c>Bounces</c> settings).</summary>
    public double BounceScore { get; set; }

    /// <summary>When the last scored bounce came (UTC); null when none.</summary>
    public DateTime? LastBounceUtc { get; set; }

    /// <summary>When the pending probe was sent (UTC); null when no probe is pending.</summary>
    public DateTime? ProbeSentUtc { get; set; }

    /// <summary>When delivery was disabled (UTC); null while enabled.</summary>
    public DateTime? DisabledUtc { get; set; }

    /// <summary>How many "delivery disabled" warnings were sent since delivery was disabled.</summary>
    public int WarningsSent { get; set; }

    /// <summary>When the last of those warnings was sent (UTC); null when none.</summary>
    public DateTime? LastWarningUtc { get; set; }

    /// <summary>Builds the key of a (list, address) pair.</summary>
    public static string KeyOf(string list, string address)
        => EmailAddress.Normalise(list) + "|" + EmailAddress.Normalise(address);

    /// <summary>Creates an entry with a normalised address and its key.</summary>
    public static Member Create(string list, string address, string? displayName, MemberRole role, DateTime createdUtc) => new()
    {
        Id = KeyOf(list, address),
        List = EmailAddress.Normalise(list),
        Address = EmailAddress.Normalise(address),
        DisplayName = displayName?.Trim() ?? "",
        Role = role,
        CreatedUtc = createdUtc,
    };
}
