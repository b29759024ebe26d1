namespace Integreat.Lists.Core.Model;

/// <summary>What happens to a post with a blocked part (an attachment whose content type or file name extension the
/// list does not allow, see <see cref="ContentSettings"/>).</summary>
public enum ContentFilterAction
{
    /// <summary>The blocked parts are removed and each is replaced by a short note in the post (template
    /// <c>content-removed</c>); the rest goes out unchanged. Default.</summary>
    Strip = 0,
    /// <summary>The whole post is held for a moderator (rule <c>content-filter</c>), with one reason line per
    /// blocked part.</summary>
    Hold = 1,
    /// <summary>No content filtering: every part goes out.</summary>
    Off = 2,
}
