using Integreat.Lists.Core.Addressing;

namespace Integreat.Lists.Core.Tests.Addressing;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("erika@example.org", "erika@example.org")]
    [InlineData("Erika.Mustermann@Example.ORG", "erika.mustermann@example.org")]
    [InlineData("  erika@example.org\t", "erika@example.org")]
    [InlineData("o'brien+liste@sub.example.co.uk", "o'brien+liste@sub.example.co.uk")]
    [InlineData("JANA@Kommune.DE", "jana@kommune.de")]
    public void AcceptsAndNormalisesAnAddrSpec(string text, string expected)
    {
        Assert.True(EmailAddress.TryParse(text, out var normalised));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("erika")]
    [InlineData("erika@")]
    [InlineData("@example.org")]
    [InlineData("erika@localhost")]
    [InlineData("erika@example")]
    [InlineData("erika@.example.org")]
    [InlineData("erika mustermann@example.org")]
    [InlineData("erika@exa mple.org")]
    [InlineData("jürgen@example.de")]
    [InlineData("erika@exämple.de")]
    [InlineData("<erika@example.org>")]
    [InlineData("erika@example.org>")]
    [InlineData("Erika <erika@example.org>")]
    [InlineData("\"Erika\" <erika@example.org>")]
    [InlineData("Erika<erika@example.org>")]
    [InlineData("erika@example.org,max@example.net")]
    [InlineData("erika@example.org (Erika)")]
    public void RejectsWhatIsNotOneStrictAddrSpec(string? text)
    {
        Assert.False(EmailAddress.TryParse(text, out var normalised));
        Assert.Equal("", normalised);
    }

    [Fact]
    public void ADomainWithATrailingDotIsRejected()
    {
        // TryParse checks domain.EndsWith('.'), but MimeKit has already dropped the dot from mailbox.Address.
        Assert.False(EmailAddress.TryParse("erika@example.org.", out var normalised), $"accepted as '{normalised}'");
    }

    [Theory]
    [InlineData("  <Erika@Example.ORG> ", "erika@example.org")]
    [InlineData("MAX@EXAMPLE.NET", "max@example.net")]
    public void NormaliseTrimsAndLowerCases(string text, string expected)
    {
        Assert.Equal(expected, EmailAddress.Normalise(text));
    }

    [Theory]
    [InlineData("erika@Example.ORG", "example.org")]
    [InlineData("\"a@b\"@example.org", "example.org")]
    [InlineData("erika", "")]
    public void DomainOfIsTheLowerCasedPartAfterTheLastAt(string address, string expected)
    {
        Assert.Equal(expected, EmailAddress.DomainOf(address));
    }
}
