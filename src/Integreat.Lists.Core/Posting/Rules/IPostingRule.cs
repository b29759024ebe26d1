namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>One posting rule (Mailman's <c>IRule</c>, STYLE.md rule 1): it reads the post and the list's state,
/// and on a match adds a readable reason to <see cref="PostingContext.Reasons"/>. It never sends mail, never
/// writes storage and never decides the disposition; the chain table does.</summary>
public interface IPostingRule
{
    /// <summary>The kebab-case name, e.g. <c>max-size</c>, used in the chain table, logs and
    /// <c>X-Integreat-Rule-Hits</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what the rule checks.</summary>
    string Description { get; }

    /// <summary>True when the rule matches <paramref name="post"/>.</summary>
    bool Check(PostingContext post);
}
