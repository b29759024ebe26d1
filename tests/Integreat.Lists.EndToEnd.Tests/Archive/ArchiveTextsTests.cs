using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Web.Archive;

namespace Integreat.Lists.EndToEnd.Tests.Archive;

/// <summary>Counts and times on the archive pages read as a person would write them.</summary>
public sealed class ArchiveTextsTests
{
    [Theory]
    [InlineData(1, "1 Beitrag", "1 post")]
    [InlineData(3, "3 Beiträge", "3 posts")]
    public void PostCountsAreSingularForOne(int count, string german, string english)
    {
        Assert.Equal(german, ArchiveTexts.German.PostCount(count));
        Assert.Equal(english, ArchiveTexts.English.PostCount(count));
    }

    [Fact]
    public void EnglishTimesNameTheGermanZoneWinterAndSummer()
    {
        Assert.Equal("30 Nov 2026, 14:05 CET", BerlinTime.English(new DateTime(2026, 11, 30, 13, 5, 0, DateTimeKind.Utc)));
        Assert.Equal("1 Jul 2026, 15:05 CEST", BerlinTime.English(new DateTime(2026, 7, 1, 13, 5, 0, DateTimeKind.Utc)));
        Assert.Equal("30.11.2026, 14:05 Uhr", BerlinTime.German(new DateTime(2026, 11, 30, 13, 5, 0, DateTimeKind.Utc)));
    }
}
