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
    [InlineData("joerg@xn--mller-kva.de", "joerg@xn--mller-kva.de")]
    [InlineData("Info@Stadt.XN--Mller-KVA.de", "info@stadt.xn--mller-kva.de")]
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

    public static TheoryData<string> OverLongOrBadlyLabelled() => new()
    {
        "x@-example.org",
        "x@example-.org",
        "x@sub.-example.org",
        "x@example.org-",
        "x@example.-org",
        new string('a', 65) + "@example.org",
        new string('a', 300) + "@example.org",
        "x@" + new string('a', 64) + ".org",
        // 64 + 1 + 4 labels of 63 and 3 dots = 320 octets: every part within its limit, the whole not.
        new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 63), 3)) + ".org",
    };

    [Theory]
    [MemberData(nameof(OverLongOrBadlyLabelled))]
    public void RejectsHyphenEdgedLabelsAndWhatBreaksTheRfc5321SizeLimits(string text)
    {
        Assert.False(EmailAddress.TryParse(text, out var normalised), $"accepted as '{normalised}'");
    }

    public static TheoryData<string> AtTheLimits() => new()
    {
        new string('a', 64) + "@example.org",
        "x@" + new string('a', 63) + ".org",
        "x@my-example.org",
        "x@1und1.de",
        // 64 + 1 + 189 = 254 octets exactly.
        new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 61), 3)) + ".bbb",
    };

    [Theory]
    [MemberData(nameof(AtTheLimits))]
    public void AcceptsAddressesExactlyAtTheLimits(string text)
    {
        Assert.True(EmailAddress.TryParse(text, out var normalised), $"rejected {text.Length} octets");
        Assert.Equal(text, normalised);
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
