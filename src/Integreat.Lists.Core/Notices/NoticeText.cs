using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Notices;

/// <summary>A rendered mail template: its Subject and its body.</summary>
/// <remarks>A template for a whole mail starts with one line <c>Subject: …</c>, then a blank line, then the body,
/// like a message with a single header. Templates for parts of a text (a footer, the help inside a reply) have
/// no such line.</remarks>
/// <param name="Subject">The Subject (one line).</param>
/// <param name="Body">The body, LF line ends.</param>
public sealed record NoticeText(string Subject, string Body)
{
    const string SubjectPrefix = "Subject:";

    /// <summary>Renders the mail template <paramref name="name"/> and splits off its Subject line.</summary>
    /// <exception cref="InvalidOperationException">The template has no <c>Subject:</c> line.</exception>
    public static NoticeText Render(ITemplateRenderer templates, string name, MailingList list, object model)
    {
        var text = templates.Render(name, list, model);
        var end = text.IndexOf('\n');
        var first = end < 0 ? text : text[..end];
        if (!first.StartsWith(SubjectPrefix, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The template {name} does not start with a Subject: line.");
        var subject = first[SubjectPrefix.Length..].Trim();
        var body = end < 0 ? "" : text[(end + 1)..].TrimStart('\n');
        return new NoticeText(subject, body);
    }

    /// <summary>True when a template's source starts with a <c>Subject:</c> line (is a mail template).</summary>
    public static bool IsMailTemplate(string source) => source.TrimStart('\uFEFF').StartsWith(SubjectPrefix, StringComparison.OrdinalIgnoreCase);
}
