using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Tests.Content;

/// <summary>Renders the note of a removed part as "[Entfernt / removed: PART]" and a footer source as it is, with
/// <c>{{ archive_url }}</c> filled in, so the expected bytes do not depend on the shipped template texts.</summary>
internal sealed class FakeTemplates : ITemplateRenderer
{
    public string Render(string name, MailingList list, object model)
    {
        Assert.Equal(TemplateNames.ContentRemoved, name);
        return $"[Entfernt / removed: {model.GetType().GetProperty("part")!.GetValue(model)}]";
    }

    public string RenderText(string source, MailingList list, object model)
        => source.Replace("{{ archive_url }}", (string)model.GetType().GetProperty("archive_url")!.GetValue(model)!, StringComparison.Ordinal);
}
