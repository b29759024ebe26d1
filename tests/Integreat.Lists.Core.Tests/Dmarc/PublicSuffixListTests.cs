using Integreat.Lists.Core.Dmarc;

namespace Integreat.Lists.Core.Tests.Dmarc;

public sealed class PublicSuffixListTests
{
    const string DebianList = "/usr/share/publicsuffix/public_suffix_list.dat";

    // The rule shapes of the list's own test data (publicsuffix.org, tests/test_psl.txt).
    static readonly PublicSuffixList Sample = PublicSuffixList.Parse(new StringReader("""
        // ===BEGIN ICANN DOMAINS===
        de
        uk
        co.uk
        jp
        *.kawasaki.jp
        !city.kawasaki.jp
        *.ck
        !www.ck
        // a comment with words
        com
        blogspot.com   trailing words are ignored
        xn--p1ai
        """));

    [Theory]
    [InlineData("example.de", "example.de")]
    [InlineData("mail.landkreis.example.de", "example.de")]
    [InlineData("Mail.Example.DE.", "example.de")]
    [InlineData("kreis.co.uk", "kreis.co.uk")]
    [InlineData("www.kreis.co.uk", "kreis.co.uk")]
    [InlineData("co.uk", "co.uk")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("x.a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("mail.www.ck", "www.ck")]
    [InlineData("b.something.ck", "b.something.ck")]
    [InlineData("foo.blogspot.com", "foo.blogspot.com")]
    [InlineData("example.unlisted", "example.unlisted")]
    [InlineData("a.b.example.unlisted", "example.unlisted")]
    [InlineData("de", "de")]
    [InlineData("stadt.рф", "stadt.xn--p1ai")]
    public void Finds_the_organisational_domain(string domain, string expected)
        => Assert.Equal(expected, Sample.OrganisationalDomain(domain));

    [Fact]
    public void An_empty_list_takes_the_last_two_labels()
    {
        Assert.Equal("co.uk", PublicSuffixList.Empty.OrganisationalDomain("kreis.co.uk"));
        Assert.Equal("", PublicSuffixList.Empty.OrganisationalDomain(" "));
    }

    [Fact]
    public void Reads_Debians_list()
    {
        using var reader = File.OpenText(DebianList);
        var list = PublicSuffixList.Parse(reader);
        Assert.True(list.Count > 5000, $"only {list.Count} rules");
        Assert.Equal("landkreis-muenchen.de", list.OrganisationalDomain("post.landkreis-muenchen.de"));
        Assert.Equal("bbc.co.uk", list.OrganisationalDomain("news.bbc.co.uk"));
        Assert.Equal("kreis.gv.at", list.OrganisationalDomain("mail.kreis.gv.at"));
    }
}
