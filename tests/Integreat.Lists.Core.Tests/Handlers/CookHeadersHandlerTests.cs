using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Handlers;

public sealed class CookHeadersHandlerTests
{
    [Fact]
    public void RemovesBlindAndReturnPathHeadersAndMarksListMail()
    {
        var message = Wire.Parse(
            "Return-Path: <erika@example.org>",
            "From: Erika Mustermann <erika@example.org>",
            "To: bayern@lists.integreat.example",
            "Cc: max@example.net",
            "Bcc: geheim@example.org",
            "Resent-Bcc: auch-geheim@example.org",
            "Bcc: noch-einer@example.org",
            "Subject: Treffen",
            "",
            "Hallo",
            "");

        new CookHeadersHandler().Process(TestLists.Bayern(), message);

        var headers = message.Headers;
        Assert.False(headers.Contains(HeaderId.Bcc));
        Assert.False(headers.Contains(HeaderId.ResentBcc));
        Assert.False(headers.Contains(HeaderId.ReturnPath));
        Assert.Equal("bayern@lists.integreat.example", headers["X-BeenThere"]?.Trim());
        Assert.Equal("list", Assert.Single(headers, h => h.Id == HeaderId.Precedence).Value.Trim());
        Assert.Equal("max@example.net", headers[HeaderId.Cc]?.Trim());
        var wire = Wire.HeaderBlock(message.ToBytes());
        Assert.DoesNotContain("geheim", wire, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("noch-einer", wire, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("bulk")]
    [InlineData("junk")]
    [InlineData("list")]
    public void LeavesExactlyOnePrecedenceList(string upstream)
    {
        var message = Wire.Parse("From: erika@example.org", "Precedence: " + upstream, "Precedence: first-class", "Subject: x", "", "");

        new CookHeadersHandler().Process(TestLists.Bayern(), message);

        var precedence = Assert.Single(message.Headers, h => h.Id == HeaderId.Precedence);
        Assert.Equal("list", precedence.Value.Trim());
        Assert.Single(Wire.Fields(message.ToBytes(), "Precedence"));
    }

    [Fact]
    public void KeepsAnotherListsBeenThereAndAddsOurs()
    {
        var message = Wire.Parse("X-BeenThere: other@lists.example.com", "From: erika@example.org", "Subject: x", "", "");

        new CookHeadersHandler().Process(TestLists.Bayern(), message);

        var beenThere = message.Headers.Where(h => h.Field.Equals("X-BeenThere", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value.Trim()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["bayern@lists.integreat.example", "other@lists.example.com"], beenThere);
    }
}
