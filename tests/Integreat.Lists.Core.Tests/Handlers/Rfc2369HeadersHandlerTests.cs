using System.Text;
using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Tests.Support;
using MimeKit.Utils;

namespace Integreat.Lists.Core.Tests.Handlers;

public sealed class Rfc2369HeadersHandlerTests
{
    static byte[] Process(MailingList list, params string[] headerLines)
    {
        var message = Wire.Parse([.. headerLines, "", "Hallo", ""]);
        new Rfc2369HeadersHandler().Process(list, message);
        return message.ToBytes();
    }

    [Theory]
    [InlineData("List-Id", "\"Integreat Bayern\" <bayern.lists.integreat.example>")]
    [InlineData("List-Post", "<mailto:bayern@lists.integreat.example>")]
    [InlineData("List-Help", "<mailto:bayern-request@lists.integreat.example?subject=help>")]
    [InlineData("List-Subscribe", "<mailto:bayern-join@lists.integreat.example>")]
    [InlineData("List-Unsubscribe", "<mailto:bayern-leave@lists.integreat.example>")]
    [InlineData("List-Owner", "<mailto:bayern-owner@lists.integreat.example>")]
    public void WritesTheExactListHeader(string name, string value)
    {
        var bytes = Process(TestLists.Bayern(), "From: erika@example.org", "Subject: Treffen");

        Assert.Equal($"{name}: {value}\r\n", Assert.Single(Wire.Fields(bytes, name)));
    }

    [Fact]
    public void ReplacesAnUpstreamListsHeadersInsteadOfAddingToThem()
    {
        var bytes = Process(TestLists.Bayern(),
            "List-Id: Other list <other.lists.example.com>",
            "List-Post: <mailto:other@lists.example.com>",
            "List-Unsubscribe: <mailto:other-leave@lists.example.com>,",
            " <https://lists.example.com/leave>",
            "List-Archive: <https://lists.example.com/archive/other>",
            "From: erika@example.org",
            "Subject: Treffen");

        Assert.Equal("List-Id: \"Integreat Bayern\" <bayern.lists.integreat.example>\r\n", Assert.Single(Wire.Fields(bytes, "List-Id")));
        Assert.Equal("List-Post: <mailto:bayern@lists.integreat.example>\r\n", Assert.Single(Wire.Fields(bytes, "List-Post")));
        Assert.Equal("List-Unsubscribe: <mailto:bayern-leave@lists.integreat.example>\r\n",
            Assert.Single(Wire.Fields(bytes, "List-Unsubscribe")));
        Assert.Empty(Wire.Fields(bytes, "List-Archive"));
        Assert.DoesNotContain("other", Wire.HeaderBlock(bytes), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ANonAsciiListNameIsEncodedAndDecodesBack()
    {
        var list = MailingList.Create("bw@lists.integreat.example", "Integreat Baden-Württemberg", TestLists.Created);

        var bytes = Process(list, "From: erika@example.org", "Subject: Treffen");

        var field = Assert.Single(Wire.Fields(bytes, "List-Id"));
        Wire.AssertAscii(Wire.HeaderBlock(bytes));
        var rawValue = field["List-Id:".Length..];
        // Decodes to the bare name: no quote characters may end up inside the encoded-words.
        var decoded = Rfc2047.DecodePhrase(Encoding.ASCII.GetBytes(rawValue)).Trim();
        Assert.Equal("Integreat Baden-Württemberg <bw.lists.integreat.example>", string.Join(' ', decoded.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
