namespace Integreat.Lists.Templates;

/// <summary>One or more template files cannot be used; each problem is one sentence naming the file.</summary>
public sealed class TemplateLoadException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    /// <summary>The problems, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
