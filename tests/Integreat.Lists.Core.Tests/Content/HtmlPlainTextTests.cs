using Integreat.Lists.Core.Content;

namespace Integreat.Lists.Core.Tests.Content;

public sealed class HtmlPlainTextTests
{
    [Fact]
    public void ParagraphsBreaksListsAndLinksBecomeReadableText()
    {
        const string html = "<html><head><title>T</title><style>p{}</style></head><body><h1>Einladung</h1>" +
                            "<p>Liebe   Kolleginnen,<br>wir laden&nbsp;ein:</p><ul><li>Termin</li><li><a href=\"https://example.org/ort\">Ort</a></li></ul>" +
                            "<script>alert(1)</script><p>Gr&uuml;&szlig;e</p></body></html>";

        Assert.Equal("Einladung\n\nLiebe Kolleginnen,\nwir laden ein:\n\n- Termin\n- Ort <https://example.org/ort>\n\nGrüße",
            HtmlPlainText.Convert(html));
    }

    [Fact]
    public void ALinkWhoseTextIsItsAddressIsWrittenOnce()
        => Assert.Equal("Mehr unter https://example.org", HtmlPlainText.Convert("Mehr unter <a href=\"https://example.org\">https://example.org</a>"));

    [Fact]
    public void PreformattedTextKeepsItsSpaces()
        => Assert.Equal("a  b\n  c", HtmlPlainText.Convert("<pre>a  b\n  c</pre>"));

    [Fact]
    public void BrokenHtmlStillGivesText()
        => Assert.Equal("offen < zu", HtmlPlainText.Convert("<p>offen &lt; zu</i></b>"));
}
