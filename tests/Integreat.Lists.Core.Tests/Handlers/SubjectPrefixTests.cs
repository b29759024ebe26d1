using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Tests.Support;

namespace Integreat.Lists.Core.Tests.Handlers;

public sealed class SubjectPrefixTests
{
    const string Prefix = "[Bayern]";

    [Theory]
    [InlineData("Treffen am Samstag", "[Bayern] Treffen am Samstag")]
    [InlineData("[Bayern] Treffen am Samstag", "[Bayern] Treffen am Samstag")]
    [InlineData("Re: [Bayern] x", "[Bayern] Re: x")]
    [InlineData("AW: [Bayern] AW: x", "[Bayern] AW: x")]
    [InlineData("AW: [Bayern] Re: [Bayern] Treffen", "[Bayern] AW: Treffen")]
    [InlineData("WG: [Bayern] Protokoll", "[Bayern] WG: Protokoll")]
    [InlineData("WG: Protokoll", "[Bayern] WG: Protokoll")]
    [InlineData("Fwd: [Bayern] Protokoll", "[Bayern] Fwd: Protokoll")]
    [InlineData("Fw: Protokoll", "[Bayern] Fw: Protokoll")]
    [InlineData("Re[2]: [Bayern] Frage", "[Bayern] Re: Frage")]
    [InlineData("Re[2]: Frage", "[Bayern] Re: Frage")]
    [InlineData("Re: Re: Re: Frage", "[Bayern] Re: Frage")]
    [InlineData("[Bayern] Re: [Bayern] AW: Frage", "[Bayern] Re: Frage")]
    [InlineData("Reise nach Berlin", "[Bayern] Reise nach Berlin")]
    [InlineData("Bericht [Bayern]", "[Bayern] Bericht")]
    public void AppliesThePrefixOnceAheadOfOneMarker(string subject, string expected)
    {
        Assert.Equal(expected, SubjectPrefix.Apply(Prefix, subject));
    }

    [Theory]
    [InlineData("[bayern] Treffen", "[Bayern] Treffen")]
    [InlineData("[BAYERN] Treffen", "[Bayern] Treffen")]
    [InlineData("re: [bayern] Treffen", "[Bayern] re: Treffen")]
    [InlineData("AW: [BaYeRn] aw: Treffen", "[Bayern] AW: Treffen")]
    public void RecognisesThePrefixAndMarkersIgnoringCase(string subject, string expected)
    {
        Assert.Equal(expected, SubjectPrefix.Apply(Prefix, subject));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void AnEmptyOrMissingSubjectBecomesThePrefixAlone(string? subject)
    {
        Assert.Equal("[Bayern]", SubjectPrefix.Apply(Prefix, subject));
    }

    [Theory]
    [InlineData("Re: [Bayern] x", "Re: [Bayern] x")]
    [InlineData("AW: AW: x", "AW: AW: x")]
    [InlineData(null, "")]
    public void AnEmptyPrefixLeavesTheSubjectUnchanged(string? subject, string expected)
    {
        Assert.Equal(expected, SubjectPrefix.Apply("", subject));
    }

    [Theory]
    [InlineData("AW: [Bayern]")]
    [InlineData("AW: [Bayern] AW: [Bayern]")]
    [InlineData("AW:[Bayern]AW:[Bayern]x")]
    [InlineData("Re: AW: [Bayern] WG: [bayern] Fwd: [BAYERN] x")]
    [InlineData("[Bayern][Bayern] x")]
    [InlineData("Re[3]: [Bayern] Re[2]: [Bayern] x")]
    [InlineData("x [Bayern] y [Bayern]")]
    public void NeverRepeatsThePrefixAndIsIdempotent(string subject)
    {
        var once = SubjectPrefix.Apply(Prefix, subject);
        var twice = SubjectPrefix.Apply(Prefix, once);

        Assert.StartsWith("[Bayern]", once, StringComparison.Ordinal);
        Assert.Equal(1, Wire.Count(once, Prefix));
        Assert.DoesNotContain("[Bayern] AW: [Bayern]", once, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(once, twice);
    }
}
