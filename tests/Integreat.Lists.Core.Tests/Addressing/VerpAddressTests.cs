using Integreat.Lists.Core.Addressing;

namespace Integreat.Lists.Core.Tests.Addressing;

public sealed class VerpAddressTests
{
    const string Bounces = "bayern-bounces@lists.integreat.example";

    [Fact]
    public void EncodesTheRecipientIntoTheBouncesAddress()
    {
        Assert.Equal("bayern-bounces+erika=example.org@lists.integreat.example", VerpAddress.Encode(Bounces, "erika@example.org"));
    }

    public static TheoryData<string> OddRecipients => new()
    {
        "erika@example.org",
        "o'brien@example.org",
        "first.last@sub.example.co.uk",
        "a+b@example.org",
        "a=b@example.org",
        "x=@example.org",
        "=x@example.org",
        "user%relay@example.org",
        "x_y-z~!#$&*/?^`{|}@example.org",
        "1234@xn--mnchen-3ya.de",
        "a@b.c",
    };

    [Theory]
    [MemberData(nameof(OddRecipients))]
    public void EncodeAndTryDecodeRoundTrip(string recipient)
    {
        var encoded = VerpAddress.Encode(Bounces, recipient);
        Assert.NotEqual(Bounces, encoded);
        Assert.EndsWith("@lists.integreat.example", encoded, StringComparison.Ordinal);
        Assert.StartsWith("bayern-bounces+", encoded, StringComparison.Ordinal);

        var tag = encoded["bayern-bounces+".Length..encoded.LastIndexOf('@')];
        Assert.True(VerpAddress.TryDecode(tag, out var decoded));
        Assert.Equal(recipient, decoded);
    }

    [Theory]
    [MemberData(nameof(OddRecipients))]
    public void TheEncodedAddressResolvesBackToTheRecipient(string recipient)
    {
        var encoded = VerpAddress.Encode(Bounces, recipient);

        var resolved = ListRecipient.Resolve(encoded, a => a == "bayern@lists.integreat.example");

        Assert.NotNull(resolved);
        Assert.Equal(Subaddress.Bounces, resolved.Subaddress);
        Assert.True(VerpAddress.TryDecode(resolved.Tag, out var decoded));
        Assert.Equal(EmailAddress.Normalise(recipient), decoded);
    }

    [Fact]
    public void TheLocalPartMayBeExactly64Octets()
    {
        // "bayern-bounces+" (15) + 37 + "=example.org" (12) = 64.
        var recipient = new string('a', 37) + "@example.org";

        var encoded = VerpAddress.Encode(Bounces, recipient);

        Assert.Equal(64, encoded.LastIndexOf('@'));
        Assert.True(VerpAddress.TryDecode(encoded[15..64], out var decoded));
        Assert.Equal(recipient, decoded);
    }

    [Theory]
    [InlineData(38)]
    [InlineData(64)]
    public void ATooLongLocalPartFallsBackToTheShortToken(int localLength)
    {
        var recipient = new string('a', localLength) + "@example.org";

        var encoded = VerpAddress.Encode(Bounces, recipient);

        Assert.Equal("bayern-bounces+t-" + VerpAddress.TokenOf(recipient) + "@lists.integreat.example", encoded);
        Assert.True(encoded.LastIndexOf('@') <= 64);
        Assert.False(VerpAddress.TryDecode(encoded[15..encoded.LastIndexOf('@')], out _));
    }

    [Theory]
    [InlineData("\"erika mustermann\"@example.org")]
    [InlineData("\"a@b\"@example.org")]
    public void QuotedLocalPartsGetTheShortToken(string recipient)
    {
        Assert.True(VerpAddress.TryToken(VerpAddress.Encode(Bounces, recipient)[15..^24], out var token));
        Assert.Equal(VerpAddress.TokenOf(recipient), token);
    }

    [Fact]
    public void AListWhoseBouncesAddressLeavesNoRoomForATokenUsesThePlainBouncesAddress()
    {
        var longBounces = new string('b', 40) + "-bounces@lists.integreat.example";

        Assert.Equal(longBounces, VerpAddress.Encode(longBounces, "\"a b\"@example.org"));
    }

    [Fact]
    public void ARecipientWithoutAtSignGetsThePlainBouncesAddress()
    {
        Assert.Equal(Bounces, VerpAddress.Encode(Bounces, "no-at-sign"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("erika")]
    [InlineData("=example.org")]
    [InlineData("erika=")]
    public void TryDecodeRejectsWhatIsNoVerpTag(string tag)
    {
        Assert.False(VerpAddress.TryDecode(tag, out _));
    }
}
