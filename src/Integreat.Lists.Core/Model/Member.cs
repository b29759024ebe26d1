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

    /// <summary>When the entry was created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

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
