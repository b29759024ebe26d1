using Integreat.Lists.Core.Content;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Content;

/// <summary>Every odd real message of <c>../shared/corpus/mime</c> through the content pipeline of a list with a footer
/// (strip and HTML conversion on): no exception, signed messages byte for byte, every other part's bytes found
/// unchanged in the output, and the footer added once.</summary>
public sealed class CorpusContentTests
{
    public static TheoryData<string> Files() => new(Names());

    static IEnumerable<string> Names() => Directory.EnumerateFiles(Corpus.Folder("mime"), "*.eml").Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f));

    static byte[] Read(string file) => Golden.Crlf(File.ReadAllBytes(Path.Combine(Corpus.Folder("mime"), file)));

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusMessageKeepsItsPartsAndGetsTheFooter(string file)
    {
        var input = Read(file);
        var list = GoldenContentTests.ListFor("footer-");

        var output = GoldenContentTests.Pipeline.Process(list, input);

        var map = MimeMap.TryParse(input)!;
        if (ProtectedContent.IsProtected(map.Message))
        {
            Assert.Same(input, output);
            return;
        }
        foreach (var part in Leaves(map.Message.Body).Where(p => p != map.Message.Body || p is not TextPart { IsPlain: true }))
        {
            var span = map[part];
            // The post's own body begins with the message's header block, which is edited: compare its content.
            var begin = part == map.Message.Body ? span.ContentBegin : span.Begin;
            Assert.True(output.AsSpan().IndexOf(map.Original(begin, span.End)) >= 0, $"the bytes of a {part.ContentType.MimeType} part changed");
        }
        Assert.Single(Occurrences(DecodedText(output), "Abmelden / leave: bayern-leave@lists.integreat.example"));
    }

    [Fact]
    public void TheCorpusHasSignedMessages()
        => Assert.True(Names().Count(name => ProtectedContent.IsProtected(MimeMap.TryParse(Read(name))!.Message)) >= 3);

    /// <summary>Every leaf part, also inside attached messages.</summary>
    static IEnumerable<MimePart> Leaves(MimeEntity? entity) => entity switch
    {
        Multipart multipart => multipart.SelectMany(Leaves),
        MessagePart { Message.Body: var inner } => Leaves(inner),
        MimePart part => [part],
        _ => [],
    };

    /// <summary>The decoded text of every text/plain part of the message.</summary>
    static string DecodedText(byte[] message)
    {
        using var stream = new MemoryStream(message);
        var parsed = MimeMessage.Load(stream);
        return string.Join("\n", parsed.BodyParts.OfType<TextPart>().Where(p => p.IsPlain).Select(p => p.Text));
    }

    static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            yield return at;
    }
}
