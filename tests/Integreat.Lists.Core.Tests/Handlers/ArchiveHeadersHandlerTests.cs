using System.Text;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Handlers;

/// <summary>List-Archive and Archived-At carry absolute URIs (RFC 2369 §2, RFC 5064 §3), or are left out.</summary>
public sealed class ArchiveHeadersHandlerTests
{
    static RawMessage Post() => RawMessage.Parse(Encoding.UTF8.GetBytes("From: erika@example.org\r\nSubject: x\r\n\r\nHallo\r\n"));

    [Fact]
    public void WithAWebPortBothFieldsPointAtThePages()
    {
        var message = Post();
        new ArchiveHeadersHandler(new ArchiveLinks("https://lists.integreat.example/"), "p1").Process(TestLists.Bayern(), message);

        Assert.Equal("<https://lists.integreat.example/archive/bayern@lists.integreat.example>", message.Headers[HeaderId.ListArchive]?.Trim());
        Assert.Equal("<https://lists.integreat.example/archive/bayern@lists.integreat.example/post/p1>", message.Headers["Archived-At"]?.Trim());
    }

    [Fact]
    public void WithoutAWebPortThereIsNoPageAndNoField()
    {
        var message = Post();
        new ArchiveHeadersHandler(new ArchiveLinks(""), "p1").Process(TestLists.Bayern(), message);

        Assert.False(message.Headers.Contains(HeaderId.ListArchive));
        Assert.False(message.Headers.Contains("Archived-At"));
    }

    [Theory]
    [InlineData("https://lists.integreat.example", "Archiv: https://lists.integreat.example/archive/bayern@lists.integreat.example")]
    [InlineData("", "Archiv: ")]
    public void TheFootersArchiveLinkIsAbsoluteOrEmpty(string baseUrl, string expected)
    {
        var pipeline = new Integreat.Lists.Core.Content.ContentPipeline(new Content.FakeTemplates(), new ArchiveLinks(baseUrl));

        Assert.Equal(expected, pipeline.Footer(TestLists.Bayern(l => l.Footer = "Archiv: {{ archive_url }}")));
    }
}
