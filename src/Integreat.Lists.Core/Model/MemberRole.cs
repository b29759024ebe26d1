namespace Integreat.Lists.Core.Model;

/// <summary>The role of a roster entry on one list (Mailman's <c>MemberRole</c>, without <c>nonmember</c>,
/// which is whoever is not on the roster).</summary>
/// <remarks>Every role receives the list's posts; owners and moderators additionally receive mail to
/// <c>LIST-owner@</c> (owners) and, later, moderation requests.</remarks>
public enum MemberRole
{
    /// <summary>A regular member: may post and receives posts.</summary>
    Member = 0,
    /// <summary>A list owner: a member who also receives mail to the owner address.</summary>
    Owner = 1,
    /// <summary>A moderator: a member who also handles held posts.</summary>
    Moderator = 2,
}
