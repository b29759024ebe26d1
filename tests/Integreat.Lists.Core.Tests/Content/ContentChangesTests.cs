using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Tests.Content;

public sealed class ContentChangesTests
{
    [Fact]
    public void ChangesAreNormalisedAndRepeatsIgnored()
    {
        var settings = new ContentSettings();

        new ContentChanges(ContentFilterAction.Hold, false, BlockTypes: ["Video/*", "video/*"], UnblockExtensions: [".JS"],
            BlockExtensions: [".ISO"], AllowTypes: ["application/pdf"]).Apply(settings);

        Assert.Equal(ContentFilterAction.Hold, settings.FilterAction);
        Assert.False(settings.ConvertHtml);
        Assert.Single(settings.BlockedTypes, "video/*");
        Assert.DoesNotContain("js", settings.BlockedExtensions);
        Assert.Contains("iso", settings.BlockedExtensions);
        Assert.Equal(["application/pdf"], settings.AllowedTypes);
    }

    [Theory]
    [InlineData("pdf", null)]
    [InlineData("application/", null)]
    [InlineData(null, "")]
    [InlineData(null, "tar.gz")]
    public void BadTypesAndExtensionsChangeNothing(string? type, string? extension)
    {
        var settings = new ContentSettings();
        var changes = new ContentChanges(ContentFilterAction.Off, BlockTypes: type is null ? null : [type],
            BlockExtensions: extension is null ? null : [extension]);

        Assert.Throws<AdministrationException>(() => changes.Apply(settings));
        Assert.Equal(ContentFilterAction.Strip, settings.FilterAction);
    }

    [Fact]
    public void NothingGivenIsEmpty() => Assert.True(new ContentChanges().IsEmpty);
}
