namespace Integreat.Lists.Core.Model;

/// <summary>What a list does with the <c>Reply-To</c> header of a post it redistributes.</summary>
public enum ReplyToPolicy
{
    /// <summary>Leave <c>Reply-To</c> exactly as the author sent it (default; Mailman's <c>no_munging</c>).</summary>
    None = 0,
    /// <summary>Set <c>Reply-To</c> to the author's From address, replacing any other value.</summary>
    Poster = 1,
    /// <summary>Set <c>Reply-To</c> to the list's posting address (Mailman's <c>point_to_list</c>).</summary>
    List = 2,
}
