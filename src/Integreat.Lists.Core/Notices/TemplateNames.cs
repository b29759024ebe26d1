namespace Integreat.Lists.Core.Notices;

/// <summary>The names of the shipped templates (files <c>config/templates/default/NAME.liquid</c>); the variables
/// each one sees are listed in <c>config/README.md</c>.</summary>
public static class TemplateNames
{
    /// <summary>The one reply to a command mail (mail).</summary>
    public const string Results = "results";

    /// <summary>The answer to <c>help</c> inside the reply (part, rendered once per <c>language</c>).</summary>
    public const string Help = "help";

    /// <summary>The answer to <c>info</c> inside the reply (part, rendered once per <c>language</c>).</summary>
    public const string Info = "info";

    /// <summary>The confirmation request of a join or a leave (mail).</summary>
    public const string Confirmation = "confirmation";

    /// <summary>The welcome to a new member (mail).</summary>
    public const string Welcome = "welcome";

    /// <summary>The goodbye to a member who left or was removed (mail).</summary>
    public const string Goodbye = "goodbye";

    /// <summary>The owners' notice of a roster change (mail).</summary>
    public const string RosterChange = "roster-change";

    /// <summary>The request to an owner to confirm admin commands; also the notice of a forged attempt (mail).</summary>
    public const string AdminConfirmation = "admin-confirmation";

    /// <summary>The other owners' notice of the roster changes an admin made by mail (mail).</summary>
    public const string AdminChanges = "admin-changes";

    /// <summary>The owners' notice that a confirmed join waits for their approval (mail).</summary>
    public const string ApprovalRequest = "approval-request";

    /// <summary>The probe: a test message to a member whose address has been bouncing (mail).</summary>
    public const string BounceProbe = "bounce-probe";

    /// <summary>A warning that delivery is disabled by bounces, with the way back (mail).</summary>
    public const string BounceWarning = "bounce-warning";

    /// <summary>The owners' notice that a member was removed after unanswered warnings (mail).</summary>
    public const string BounceRemoved = "bounce-removed";

    /// <summary>The owners' notice of a spam complaint (ARF) about a member (mail).</summary>
    public const string BounceComplaint = "bounce-complaint";

    /// <summary>The moderators' notice of a held post, with the token and the post attached (mail).</summary>
    public const string HoldModerator = "hold-moderator";

    /// <summary>The poster's notice that a post awaits moderation (mail).</summary>
    public const string HoldPoster = "hold-poster";

    /// <summary>The poster's notice that a moderator rejected the post, with the reason (mail).</summary>
    public const string HoldRejected = "hold-rejected";

    /// <summary>The poster's notice that a held post expired unapproved (mail).</summary>
    public const string HoldExpired = "hold-expired";

    /// <summary>The moderators' reminder of the posts still held on a list (mail).</summary>
    public const string HoldDigest = "hold-digest";

    /// <summary>The sign-in link for the web pages (mail).</summary>
    public const string Login = "login";

    /// <summary>The note that replaces a part the content filter removed from a post (part).</summary>
    public const string ContentRemoved = "content-removed";
}
