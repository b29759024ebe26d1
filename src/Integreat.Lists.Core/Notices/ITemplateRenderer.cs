using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Notices;

/// <summary>Renders the texts the list sends to people (notices, replies, footers) from named templates, so that
/// operators can change every user-facing word without a new build. Core names the template and supplies the
/// model; the adapter (Fluid/Liquid over <c>config/templates/</c>) decides where the text comes from.</summary>
/// <remarks>Implementations parse every template once, at start, and fail the start on a template that does not
/// parse; a render therefore never falls back to another text silently.</remarks>
public interface ITemplateRenderer
{
    /// <summary>Renders the template <paramref name="name"/> as it applies to <paramref name="list"/> (the list's own
    /// override if there is one, else the site's default, else the shipped default).</summary>
    /// <param name="name">The template name without extension, lower-case kebab-case, e.g. <c>welcome</c>; see
    /// <see cref="TemplateNames"/>.</param>
    /// <param name="list">The list the text is about; templates see it as <c>list</c> (<see cref="ListTemplateModel"/>).</param>
    /// <param name="model">Any object; its public properties are the template's top-level variables, in snake_case
    /// (<c>AddedBy</c> is <c>added_by</c>; anonymous-type members keep their names).</param>
    /// <returns>The text with LF line ends and no trailing blank lines.</returns>
    /// <exception cref="InvalidOperationException">No template of that name exists (a programming error: every name
    /// Core uses ships a default).</exception>
    string Render(string name, MailingList list, object model);

    /// <summary>Renders a template given as text (a list's footer, which lives with the list, not in a file), with
    /// the same variables and rules as <see cref="Render"/>.</summary>
    /// <param name="source">The Liquid source.</param>
    /// <param name="list">The list; templates see it as <c>list</c>.</param>
    /// <param name="model">The top-level variables, as for <see cref="Render"/>.</param>
    /// <returns>The text with LF line ends and no trailing blank lines.</returns>
    /// <exception cref="FormatException">The source does not parse; the message says where.</exception>
    string RenderText(string source, MailingList list, object model);
}
