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
}
