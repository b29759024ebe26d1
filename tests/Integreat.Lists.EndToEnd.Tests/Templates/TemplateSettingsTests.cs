using Integreat.Lists.Daemon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Integreat.Lists.EndToEnd.Tests.Templates;

/// <summary>Section <c>Templates</c>: every override is parsed at start; a broken one stops the start with one
/// sentence naming the file, instead of a silent fall-back to the shipped text.</summary>
public sealed class TemplateSettingsTests : IDisposable
{
    readonly string _templates = Path.Combine(Path.GetTempPath(), "integreat-templates-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_templates)) Directory.Delete(_templates, recursive: true);
    }

    string Write(string relative, string text)
    {
        var path = Path.Combine(_templates, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    Settings Bind() => Settings.Bind(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Templates:Directory"] = _templates }).Build());

    [Fact]
    public void AMissingFolderMeansNoOverrides()
        => Assert.Equal(_templates, Bind().Templates.Directory);

    [Fact]
    public void TheShippedDefaultIsTheFolderConfigTemplates()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        Assert.Equal("config/templates", Settings.Bind(new ConfigurationBuilder().AddJsonFile(path).Build()).Templates.Directory);
    }

    [Fact]
    public void EachBrokenOverrideIsOneSentenceNamingTheFile()
    {
        var broken = Write("bayern/welcome.liquid", "Subject: Hallo\n\n{% if member %}Willkommen");
        var typo = Write("default/welcom.liquid", "Subject: Hallo\n\nWillkommen");
        var noSubject = Write("bayern@lists.integreat.example/goodbye.liquid", "Auf Wiedersehen {{ member }}");
        Write("hessen/welcome.liquid", "Subject: Willkommen in Hessen\n\n{{ member }}");

        var error = Assert.Throws<SettingsException>(Bind);

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith($"Template {broken} does not parse: ", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith($"Template {typo} overrides no known template (known: ", StringComparison.Ordinal)
            && p.Contains(", welcome)", StringComparison.Ordinal));
        Assert.Contains($"Template {noSubject} must start with a 'Subject: …' line, as the mail it replaces does.", error.Problems);
    }

    [Fact]
    public void APartTemplateMustNotHaveASubjectLine()
    {
        var help = Write("default/help.liquid", "Subject: Hilfe\n\nText");

        var error = Assert.Throws<SettingsException>(Bind);

        Assert.Equal([$"Template {help} must not start with a 'Subject:' line: it is part of a text, not a whole mail."], error.Problems);
    }
}
