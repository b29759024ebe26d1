using Integreat.Lists.Core.Dmarc;

namespace Integreat.Lists.Core.Tests.Dmarc;

public sealed class DmarcRecordTests
{
    [Fact]
    public void Reads_every_tag()
    {
        var record = DmarcRecord.Parse("v=DMARC1; p=reject; sp=quarantine; adkim=s; aspf=s; pct=20; rua=mailto:d@example.org");
        Assert.Equal(new DmarcRecord(DmarcPolicy.Reject, DmarcPolicy.Quarantine, DmarcAlignment.Strict, DmarcAlignment.Strict, 20), record);
    }

    [Fact]
    public void Gives_the_defaults_for_missing_tags()
        => Assert.Equal(new DmarcRecord(DmarcPolicy.None, null, DmarcAlignment.Relaxed, DmarcAlignment.Relaxed, 100),
            DmarcRecord.Parse("v=DMARC1;p=none"));

    [Theory]
    [InlineData("v=DMARC1 ; p = Quarantine ;", DmarcPolicy.Quarantine)]
    [InlineData("v=DMARC1; p=REJECT; adkim=x; pct=300; fo=1; unknown=tag", DmarcPolicy.Reject)]
    [InlineData("v=DMARC1; p=none; p=reject", DmarcPolicy.None)]
    public void Is_lenient_where_RFC_7489_allows(string text, DmarcPolicy policy)
    {
        var record = DmarcRecord.Parse(text);
        Assert.NotNull(record);
        Assert.Equal(policy, record.Policy);
        Assert.Equal(DmarcAlignment.Relaxed, record.DkimAlignment);
        Assert.Equal(100, record.Percent);
    }

    [Theory]
    [InlineData("v=DMARC1; p=block")]
    [InlineData("v=DMARC1; rua=mailto:d@example.org")]
    [InlineData("v=DMARC1; p=reject; sp=maybe")]
    [InlineData("v=spf1 -all")]
    [InlineData("v=dmarc1; p=reject")]
    [InlineData("p=reject; v=DMARC1")]
    [InlineData("")]
    public void Gives_null_for_a_record_that_has_no_valid_policy(string text) => Assert.Null(DmarcRecord.Parse(text));

    [Theory]
    [InlineData("v=DMARC1; p=block", true)]
    [InlineData(" v = DMARC1", true)]
    [InlineData("v=DMARC1x; p=reject", false)]
    [InlineData("v=spf1 include:example.org -all", false)]
    public void Recognises_the_version_tag(string text, bool expected) => Assert.Equal(expected, DmarcRecord.IsDmarcRecord(text));
}
