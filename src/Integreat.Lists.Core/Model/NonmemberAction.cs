namespace Integreat.Lists.Core.Model;

/// <summary>What happens to a post whose author is not on the list's roster.</summary>
public enum NonmemberAction
{
    /// <summary>The post is not distributed; the author gets a German/English notice (unless the post is a
    /// bounce or an auto-reply, RFC 3834), then the post is discarded. Default.</summary>
    Reject = 0,
    /// <summary>The post is discarded without a notice.</summary>
    Discard = 1,
    /// <summary>The post is distributed as if a member had sent it.</summary>
    Accept = 2,
    /// <summary>The post is held for a moderator, who approves, rejects or discards it.</summary>
    Hold = 3,
}
