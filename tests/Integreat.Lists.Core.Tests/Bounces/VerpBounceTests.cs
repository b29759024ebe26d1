using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class VerpBounceTests
{
    [Theory]
    [InlineData("bayern-bounces+erika=example.org@lists.example.org", "erika@example.org")]
    [InlineData("<Bayern-Bounces+Erika=Example.org@lists.example.org>", "erika@example.org")]
    [InlineData("bayern-bounces+a+b=example.org@lists.example.org", "a+b@example.org")]
    public void The_member_is_decoded_from_the_bounces_address_tag(string envelopeRecipient, string member)
    {
        Assert.True(VerpBounce.TryMember(envelopeRecipient, out var decoded));
        Assert.Equal(member, decoded);
    }

    [Fact]
    public void It_round_trips_with_the_encoding_used_for_delivery()
    {
        var envelope = VerpAddress.Encode("bayern-bounces@lists.example.org", "o'brien@example.org");

        Assert.True(VerpBounce.TryMember(envelope, out var member));
        Assert.Equal("o'brien@example.org", member);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bayern-bounces@lists.example.org")]
    [InlineData("bayern+erika=example.org@lists.example.org")]
    [InlineData("bayern-bounces+token@lists.example.org")]
    public void Other_addresses_name_no_member(string? envelopeRecipient)
    {
        Assert.False(VerpBounce.TryMember(envelopeRecipient, out var member));
        Assert.Equal("", member);
    }

    [Theory]
    [InlineData("\"erika muster@rathaus\"@example.org")]
    [InlineData("ein.sehr.langer.name.der.sachbearbeiterin.im.rathaus@kreisverwaltung-beispielstadt.example.org")]
    public void A_member_whose_address_does_not_fit_the_local_part_round_trips_through_the_short_token(string address)
    {
        var envelope = VerpAddress.Encode("bayern-bounces@lists.example.org", address);
        var roster = new[] { "erika@example.org", address.ToLowerInvariant() };

        Assert.True(envelope.IndexOf('@') <= 64, envelope);
        Assert.StartsWith("bayern-bounces+t-", envelope);
        Assert.False(VerpBounce.TryMember(envelope, out _));
        Assert.True(VerpBounce.TryTokenMember(envelope, roster, out var member));
        Assert.Equal(address.ToLowerInvariant(), member);
        Assert.True(VerpBounce.TryMember(VerpBounce.WithTokenResolved(envelope, roster), out var resolved));
        Assert.Equal(address.ToLowerInvariant(), resolved);
    }

    [Fact]
    public void A_token_of_no_member_resolves_to_nobody()
    {
        var envelope = VerpAddress.Encode("bayern-bounces@lists.example.org", "\"jemand@anders\"@example.org");

        Assert.False(VerpBounce.TryTokenMember(envelope, ["erika@example.org"], out var member));
        Assert.Equal("", member);
        Assert.Equal(envelope, VerpBounce.WithTokenResolved(envelope, ["erika@example.org"]));
    }
}
