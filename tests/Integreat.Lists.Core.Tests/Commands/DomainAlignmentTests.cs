using Integreat.Lists.Core.Commands;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Commands;

public sealed class DomainAlignmentTests
{
    [Theory]
    [InlineData("kommune.de", "kommune.de", true)]
    [InlineData("KOMMUNE.de.", "kommune.DE", true)]
    [InlineData("kommune.de", "mail.kommune.de", true)]
    [InlineData("mail.kommune.de", "kommune.de", true)]
    [InlineData("landkreis-xy.de", "verwaltung.landkreis-xy.de", true)]
    [InlineData("a.stadt.de", "b.stadt.de", false)]
    [InlineData("evil.co.uk", "victim.co.uk", false)]
    [InlineData("de", "kommune.de", false)]
    [InlineData("notkommune.de", "kommune.de", false)]
    [InlineData("", "kommune.de", false)]
    public void OneDomainMustEqualOrContainTheOtherAndTheShorterHasTwoLabels(string signing, string from, bool aligned)
        => Assert.Equal(aligned, DomainAlignment.IsAligned(signing, from));

    [Fact]
    public void WithoutTrustedIdsNothingIsVouchedFor()
    {
        var headers = new HeaderList { new Header("Authentication-Results", "mx.example; dkim=pass header.d=kommune.de") };

        Assert.Null(AdminAuthentication.VouchedBy(headers, "chefin@kommune.de", []));
        Assert.Equal("mx.example", AdminAuthentication.VouchedBy(headers, "chefin@kommune.de", ["MX.example"]));
    }
}
