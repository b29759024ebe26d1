using Integreat.Lists.Core.Addressing;

namespace Integreat.Lists.Core.Tests.Addressing;

public sealed class ListRecipientTests
{
    const string Domain = "lists.integreat.example";

    static readonly HashSet<string> Lists = new(StringComparer.Ordinal)
    {
        "bayern@" + Domain, "x@" + Domain, "x-owner@" + Domain, "hessen@" + Domain,
    };

    static ListRecipient? Resolve(string address) => ListRecipient.Resolve(address, Lists.Contains);

    [Theory]
    [InlineData("bayern@lists.integreat.example", "bayern@lists.integreat.example", Subaddress.Posting, "")]
    [InlineData("bayern-request@lists.integreat.example", "bayern@lists.integreat.example", Subaddress.Request, "")]
    [InlineData("bayern-owner@lists.integreat.example", "bayern@lists.integreat.example", Subaddress.Owner, "")]
    [InlineData("bayern-bounces@lists.integreat.example", "bayern@lists.integreat.example", Subaddress.Bounces, "")]
    [InlineData("bayern-bounces+erika=example.org@lists.integreat.example", "bayern@lists.integreat.example", Subaddress.Bounces, "erika=example.org")]
    [InlineData("bayern-confirm+3f9a1c77d0@lists.integreat.example", "bayern@lists.integreat.example", Subaddress.Confirm, "3f9a1c77d0")]
    [InlineData("bayern-join@lists.integreat.example", "bayern@lists.integreat.example", Subaddress.Join, "")]
    [InlineData("bayern-leave@lists.integreat.example", "bayern@lists.integreat.example", Subaddress.Leave, "")]
    [InlineData("hessen-leave@lists.integreat.example", "hessen@lists.integreat.example", Subaddress.Leave, "")]
    public void ResolvesEverySubaddress(string address, string list, Subaddress kind, string tag)
    {
        Assert.Equal(new ListRecipient(list, kind, tag), Resolve(address));
    }

    [Theory]
    [InlineData("Bayern@Lists.Integreat.Example", Subaddress.Posting, "")]
    [InlineData("BAYERN-REQUEST@LISTS.INTEGREAT.EXAMPLE", Subaddress.Request, "")]
    [InlineData("Bayern-Bounces+Erika=Example.org@lists.integreat.example", Subaddress.Bounces, "erika=example.org")]
    [InlineData("<bayern-owner@lists.integreat.example>", Subaddress.Owner, "")]
    public void IgnoresCase(string address, Subaddress kind, string tag)
    {
        Assert.Equal(new ListRecipient("bayern@lists.integreat.example", kind, tag), Resolve(address));
    }

    [Theory]
    [InlineData("nobody@lists.integreat.example")]
    [InlineData("nobody-request@lists.integreat.example")]
    [InlineData("bayern-bogus@lists.integreat.example")]
    [InlineData("bayern@other.example")]
    [InlineData("bayern-owner@other.example")]
    [InlineData("-request@lists.integreat.example")]
    [InlineData("bayern")]
    [InlineData("@lists.integreat.example")]
    public void AnUnknownAddressResolvesToNull(string address)
    {
        Assert.Null(Resolve(address));
    }

    [Theory]
    [InlineData("bayern-request+help@lists.integreat.example")]
    [InlineData("bayern-owner+x@lists.integreat.example")]
    [InlineData("bayern-join+x@lists.integreat.example")]
    [InlineData("bayern-leave+x@lists.integreat.example")]
    [InlineData("bayern+tag@lists.integreat.example")]
    public void APlusTagIsOnlyAllowedOnBouncesAndConfirm(string address)
    {
        Assert.Null(Resolve(address));
    }

    [Fact]
    public void AListNamedLikeASuffixWinsOverTheSuffix()
    {
        Assert.Equal(new ListRecipient("x-owner@" + Domain, Subaddress.Posting, ""), Resolve("x-owner@" + Domain));
        Assert.Equal(new ListRecipient("x-owner@" + Domain, Subaddress.Owner, ""), Resolve("x-owner-owner@" + Domain));
        Assert.Equal(new ListRecipient("x@" + Domain, Subaddress.Request, ""), Resolve("x-request@" + Domain));
    }

    [Fact]
    public void WithoutTheSuffixListTheSuffixAddressReachesTheOwners()
    {
        var recipient = ListRecipient.Resolve("x-owner@" + Domain, a => a == "x@" + Domain);

        Assert.Equal(new ListRecipient("x@" + Domain, Subaddress.Owner, ""), recipient);
    }
}
