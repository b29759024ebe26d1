using Fluid;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Templates;

/// <summary>Every template, parsed once: the shipped defaults and the operator's overrides, keyed by scope
/// (<c>default</c>, a list's local part or its address) and name.</summary>
/// <remarks>Loading checks every file and reports all problems at once: a file that does not parse, a file whose
/// name is no shipped template (a typo would otherwise never be used), and a mail template without its
/// <c>Subject:</c> line (or a part template with one).</remarks>
public sealed class TemplateCatalog
{
    /// <summary>The scope of templates for every list.</summary>
    public const string DefaultScope = "default";

    const string Extension = ".liquid";
    static readonly FluidParser Parser = new();
    readonly Dictionary<(string Scope, string Name), IFluidTemplate> _overrides;
    readonly Dictionary<string, IFluidTemplate> _shipped;

    TemplateCatalog(Dictionary<string, IFluidTemplate> shipped, Dictionary<(string, string), IFluidTemplate> overrides)
    {
        _shipped = shipped;
        _overrides = overrides;
    }

    /// <summary>Loads the shipped defaults from <c><paramref name="shippedDirectory"/>/default/</c> and the overrides
    /// below <paramref name="overrideDirectory"/> (which may be missing).</summary>
    /// <exception cref="TemplateLoadException">Any template is unusable; all problems are listed.</exception>
    public static TemplateCatalog Load(string shippedDirectory, string overrideDirectory)
    {
        var problems = new List<string>();
        var shippedSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var shipped = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        var defaults = Path.Combine(shippedDirectory, DefaultScope);
        if (!System.IO.Directory.Exists(defaults)) problems.Add($"The shipped templates are missing: {defaults} does not exist.");
        else
            foreach (var file in Files(defaults))
                if (Parse(file, problems) is { } template)
                {
                    shipped[NameOf(file)] = template;
                    shippedSources[NameOf(file)] = File.ReadAllText(file);
                }
        var overrides = new Dictionary<(string, string), IFluidTemplate>();
        if (System.IO.Directory.Exists(overrideDirectory))
            foreach (var folder in System.IO.Directory.GetDirectories(overrideDirectory).Order(StringComparer.Ordinal))
            foreach (var file in Files(folder))
                LoadOverride(file, shippedSources, overrides, problems);
        if (problems.Count > 0) throw new TemplateLoadException(problems);
        return new TemplateCatalog(shipped, overrides);
    }

    static void LoadOverride(string file, Dictionary<string, string> shipped, Dictionary<(string, string), IFluidTemplate> overrides,
        List<string> problems)
    {
        var name = NameOf(file);
        if (!shipped.TryGetValue(name, out var original))
        {
            problems.Add($"Template {file} overrides no known template (known: {string.Join(", ", shipped.Keys.Order(StringComparer.Ordinal))}).");
            return;
        }
        if (NoticeText.IsMailTemplate(File.ReadAllText(file)) != NoticeText.IsMailTemplate(original))
        {
            problems.Add(NoticeText.IsMailTemplate(original)
                ? $"Template {file} must start with a 'Subject: …' line, as the mail it replaces does."
                : $"Template {file} must not start with a 'Subject:' line: it is part of a text, not a whole mail.");
            return;
        }
        if (Parse(file, problems) is { } template)
            overrides[(Path.GetFileName(Path.GetDirectoryName(file)!).ToLowerInvariant(), name)] = template;
    }

    static IEnumerable<string> Files(string folder)
        => System.IO.Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal);

    static string NameOf(string file) => Path.GetFileNameWithoutExtension(file).ToLowerInvariant();

    static IFluidTemplate? Parse(string file, List<string> problems)
    {
        if (Parser.TryParse(File.ReadAllText(file).TrimStart('\uFEFF'), out var template, out var error)) return template;
        problems.Add($"Template {file} does not parse: {error.ReplaceLineEndings(" ").Trim()}");
        return null;
    }

    /// <summary>The template <paramref name="name"/> for the first of <paramref name="scopes"/> that has one, else
    /// the shipped default; null when there is none.</summary>
    public IFluidTemplate? Find(string name, IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
            if (_overrides.TryGetValue((scope, name), out var template)) return template;
        return _shipped.GetValueOrDefault(name);
    }

    /// <summary>The names of the shipped templates.</summary>
    public IReadOnlyCollection<string> Names => _shipped.Keys;
}
