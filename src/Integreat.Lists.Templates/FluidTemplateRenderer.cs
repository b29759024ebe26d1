using Fluid;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Templates;

/// <summary>Renders Liquid templates with Fluid: the list's own override (<c>bayern/</c> or
/// <c>bayern@lists.example/</c>), else the site default (<c>default/</c>), else the shipped default.</summary>
/// <remarks>Plain text: nothing is HTML-encoded. Unknown variables render empty (Liquid's rule); member names are
/// snake_case. The model is read by reflection (Fluid's <see cref="UnsafeMemberAccessStrategy"/>): models are our
/// own records, never user objects.</remarks>
public sealed class FluidTemplateRenderer(TemplateCatalog catalog) : ITemplateRenderer
{
    static readonly TemplateOptions Options = CreateOptions();
    static readonly FluidParser Parser = new();
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.CultureInfo = System.Globalization.CultureInfo.InvariantCulture;
        return options;
    }

    /// <inheritdoc />
    public string Render(string name, MailingList list, object model)
    {
        var scopes = new[] { list.Address, list.Addresses.LocalPart, TemplateCatalog.DefaultScope };
        var template = catalog.Find(name, scopes) ?? throw new InvalidOperationException($"There is no template named {name}.");
        return Render(template, list, model);
    }

    /// <inheritdoc />
    public string RenderText(string source, MailingList list, object model)
    {
        // Footers are few and small; parsed once each, as the catalog parses its files once.
        var template = _parsed.GetOrAdd(source, text => Parser.TryParse(text.TrimStart('\uFEFF'), out var parsed, out var error)
            ? parsed : throw new FormatException("The template does not parse: " + error.ReplaceLineEndings(" ").Trim()));
        return Render(template, list, model);
    }

    static string Render(IFluidTemplate template, MailingList list, object model)
    {
        var context = new TemplateContext(model, Options);
        context.SetValue("list", ListTemplateModel.Of(list));
        var text = template.Render(context).Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.TrimEnd('\n', ' ');
    }
}
