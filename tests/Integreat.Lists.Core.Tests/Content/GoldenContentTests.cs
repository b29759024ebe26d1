using System.Text;
using Integreat.Lists.Core.Content;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Tests.Support;

namespace Integreat.Lists.Core.Tests.Content;

/// <summary>Golden files: each post in <c>Content/Fixtures/*.in.eml</c> goes through the content pipeline and must
/// give exactly <c>*.out.eml</c>. Posts named <c>footer-*</c> go to a list with a footer, <c>filter-*</c> to one
/// without; both strip blocked parts and convert HTML-only posts (the defaults).</summary>
public sealed class GoldenContentTests
{
    internal const string Footer = "_______________________________________________\nSie erhalten diese Nachricht über die Liste Integreat Bayern.\nAbmelden / leave: bayern-leave@lists.integreat.example\nArchiv / archive: {{ archive_url }}";

    internal static readonly ContentPipeline Pipeline = new(new FakeTemplates(), new ArchiveLinks("https://lists.integreat.example"));

    public static TheoryData<string> Fixtures() => new(Names());

    static IEnumerable<string> Names() => Directory.EnumerateFiles(Golden.Folder, "*.in.eml").Order(StringComparer.Ordinal)
        .Select(f => Path.GetFileName(f)[..^".in.eml".Length]);

    internal static MailingList ListFor(string name)
        => TestLists.Bayern(l => l.Footer = name.StartsWith("footer-", StringComparison.Ordinal) ? Footer : "");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void PostGivesTheGoldenOutput(string name)
    {
        var output = Pipeline.Process(ListFor(name), Golden.Read(name + ".in.eml"));

        if (Environment.GetEnvironmentVariable("INTEGREAT_UPDATE_GOLDEN") == "1") Golden.Update(name + ".out.eml", output);
        Assert.Equal(Encoding.Latin1.GetString(Golden.Read(name + ".out.eml")), Encoding.Latin1.GetString(output));
    }

    [Fact]
    public void EveryFixtureHasAnExpectedOutput()
    {
        Assert.True(Names().Count() >= 10);
        Assert.All(Names(), name => Assert.True(File.Exists(Path.Combine(Golden.Folder, name + ".out.eml")), name));
    }
}
