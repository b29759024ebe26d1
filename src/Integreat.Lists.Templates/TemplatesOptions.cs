namespace Integreat.Lists.Templates;

/// <summary>Settings of section <c>Templates</c>: where operators put their own texts.</summary>
public sealed class TemplatesOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Templates";

    /// <summary>The folder of overriding templates (relative to the working directory): <c>default/NAME.liquid</c>
    /// for every list, <c>LIST/NAME.liquid</c> (the list's local part or its whole address) for one list. A missing
    /// folder means no overrides; the shipped defaults beside the executable (<c>templates/default/</c>) always
    /// remain the last resort.</summary>
    public string Directory { get; set; } = "config/templates";

    /// <summary>The shipped defaults, copied beside the executable at build.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "templates");
}
