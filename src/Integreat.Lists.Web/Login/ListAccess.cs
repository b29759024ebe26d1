using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Web.Login;

/// <summary>What the signed-in person may do on one list, from the roster and <c>Web:SiteAdmins</c>.</summary>
/// <param name="Address">The signed-in address (lower case), or null when nobody is signed in.</param>
/// <param name="Role">The person's role on the list's roster, or null (a nonmember).</param>
/// <param name="SiteAdmin">True when the address is one of <c>Web:SiteAdmins</c>.</param>
/// <param name="ModeratorsAreAdmins">The list's setting: moderators may administer the roster and settings.</param>
public sealed record ListAccess(string? Address, MemberRole? Role, bool SiteAdmin, bool ModeratorsAreAdmins)
{
    /// <summary>Nobody signed in.</summary>
    public static readonly ListAccess Anonymous = new(null, null, false, false);

    /// <summary>True when the person is on the roster (any role).</summary>
    public bool IsMember => Role is not null;

    /// <summary>True when the person is a moderator of the list.</summary>
    public bool IsModerator => Role == MemberRole.Moderator;

    /// <summary>True when the person is an owner of the list.</summary>
    public bool IsOwner => Role == MemberRole.Owner;

    /// <summary>May read what members read (the archive of a members-only list): members and site admins.</summary>
    public bool CanRead => IsMember || SiteAdmin;

    /// <summary>May decide on held posts: moderators, owners and site admins.</summary>
    public bool CanModerate => IsModerator || IsOwner || SiteAdmin;

    /// <summary>May change settings and the roster and approve subscriptions: owners, site admins, and moderators
    /// when the list says moderators are admins.</summary>
    public bool CanAdminister => IsOwner || SiteAdmin || (IsModerator && ModeratorsAreAdmins);

    /// <summary>May give roster entries the role owner or moderator: owners and site admins only.</summary>
    public bool CanChangeRoles => IsOwner || SiteAdmin;
}
