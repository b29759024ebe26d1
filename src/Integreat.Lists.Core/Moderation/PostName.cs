using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Moderation;

/// <summary>How a held post is named to people: by its Subject and its author, e.g. <c>„Treffen am Montag“ von
/// anna@example.org</c>. The spool id means nothing to a moderator; it stays in the audit log's command for operators.</summary>
/// <param name="Subject">The post's Subject as held (may be empty; echoed as one short line).</param>
/// <param name="Sender">The author's address (may be empty for a post without any sender).</param>
public sealed record PostName(string Subject, string Sender)
{
    /// <summary>What an empty Subject is called in German, as in the hold notices' templates.</summary>
    public const string NoSubjectGerman = "(kein Betreff)";

    /// <summary>What an empty Subject is called in English, as in the hold notices' templates.</summary>
    public const string NoSubjectEnglish = "(no subject)";

    /// <summary>The name of <paramref name="post"/>.</summary>
    public static PostName Of(HeldPost post) => new(post.Subject, post.Sender);

    /// <summary>The Subject for a German text: one short line, or <see cref="NoSubjectGerman"/> when empty.</summary>
    public static string SubjectGerman(string subject) => Shown(subject) is { Length: > 0 } line ? line : NoSubjectGerman;

    /// <summary>The Subject for an English text: one short line, or <see cref="NoSubjectEnglish"/> when empty.</summary>
    public static string SubjectEnglish(string subject) => Shown(subject) is { Length: > 0 } line ? line : NoSubjectEnglish;

    /// <summary>German, e.g. <c>„Treffen am Montag“ von anna@example.org</c> or <c>(kein Betreff) von …</c>.</summary>
    public string German => Name(Shown(Subject) is { Length: > 0 } line ? $"„{line}“" : NoSubjectGerman, " von ");

    /// <summary>English, e.g. <c>"Treffen am Montag" from anna@example.org</c> or <c>(no subject) from …</c>.</summary>
    public string English => Name(Shown(Subject) is { Length: > 0 } line ? $"\"{line}\"" : NoSubjectEnglish, " from ");

    string Name(string subject, string by) => Sender.Length > 0 ? subject + by + Sender : subject;

    // A stranger's Subject goes into our own mails and pages: one line, no control characters, not too long.
    static string Shown(string subject) => NoticeComposer.Echo(subject);
}
