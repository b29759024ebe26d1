using System.Text;
using CsCheck;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Notices;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Messages;

/// <summary>Hostile MIME through every step that reads a message (post pipeline, content pipeline, posting policy, notice, bounce and
/// command parsing): the corpus and generated inputs (truncated, nested 100 deep, 10,000 headers, broken encodings)
/// never throw anything but MimeKit's <see cref="FormatException"/> for a message it cannot parse at all, which the
/// runner shunts with the bytes (ShuntTests).</summary>
public sealed class HostileMimeTests
{
    static readonly string[] CorpusFiles = Directory.EnumerateFiles(Corpus.Folder("mime"), "*.eml").Order().ToArray();

    public static TheoryData<string> Files() => new(CorpusFiles.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryCorpusMessageIsProcessed(string file)
        => Assert.Equal("processed", Process(File.ReadAllBytes(Path.Combine(Corpus.Folder("mime"), file))));

    [Fact]
    public void TruncatedCorpusMessagesNeverThrow()
        => Gen.Select(Gen.Int[0, CorpusFiles.Length - 1], Gen.Double[0, 1])
            .Sample((file, fraction) =>
            {
                var raw = File.ReadAllBytes(CorpusFiles[file]);
                Process(raw[..(int)(raw.Length * fraction)]);
            }, iter: 300);

    [Fact]
    public void CorpusMessagesWithBytesChangedNeverThrow()
        => Gen.Select(Gen.Int[0, CorpusFiles.Length - 1], Gen.Select(Gen.Double[0, 1], Gen.Byte).Array[1, 20])
            .Sample((file, changes) =>
            {
                var raw = File.ReadAllBytes(CorpusFiles[file]);
                foreach (var (at, value) in changes) if (raw.Length > 0) raw[(int)(at * (raw.Length - 1))] = value;
                Process(raw);
            }, iter: 300);

    [Theory]
    [InlineData(100)]
    [InlineData(2000)]
    public void DeeplyNestedMultipartsAreProcessed(int depth) => Assert.Equal("processed", Process(Nested(depth)));

    [Fact]
    public void NestingOfAnyDepthNeverThrows() => Gen.Int[0, 150].Sample(depth => Process(Nested(depth)), iter: 50);

    [Fact]
    public void TenThousandHeadersAreProcessed()
    {
        var text = new StringBuilder("From: erika@example.org\r\nTo: bayern@lists.integreat.example\r\nSubject: viele\r\n");
        for (var i = 0; i < 10_000; i++) text.Append($"X-Header-{i}: value {i}\r\nReceived: from h{i}.example by mx.example; Mon, 2 Nov 2026 09:00:00 +0100\r\n");
        text.Append("\r\nbody\r\n");
        Assert.Equal("processed", Process(Encoding.ASCII.GetBytes(text.ToString())));
    }

    [Fact]
    public void BrokenEncodingsNeverThrow()
    {
        var encodings = Gen.OneOf("base64", "quoted-printable", "x-uuencode", "binary", "8bit", "7bit", "gzip", "");
        var charsets = Gen.OneOf("utf-8", "iso-8859-1", "x-unknown", "utf-16", "gb2312", "", "\"");
        var words = Gen.OneOf("=?utf-8?B?w7w=?=", "=?utf-8?B?####?=", "=?x-unknown?Q?f=FCr?=", "=?utf-8?Q?=ZZ?=", "=?=?", "=?utf-8?B?", "Grüße");
        var bodies = Gen.Byte.Array[0, 400];
        Gen.Select(encodings, charsets, words, bodies).Sample((encoding, charset, word, body) =>
        {
            var head = $"From: {word} <erika@example.org>\r\nTo: bayern@lists.integreat.example\r\nSubject: {word} {word}\r\n" +
                $"MIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n";
            Process([.. Encoding.Latin1.GetBytes(head), .. body]);
        }, iter: 300);
    }

    [Fact]
    public void AWordThatCannotBeNormalisedIsNoCommand()
        // Found by BrokenEncodingsNeverThrow: a UTF-16 body cut at an odd byte decodes to a lone surrogate.
        => Assert.Equal(CommandWord.Unknown, CommandParser.Read("\ud800help")!.Word);

    /// <summary>Runs <paramref name="raw"/> through every step that reads a message.</summary>
    /// <returns>"processed", or "unparsable" when MimeKit cannot parse it (the runner shunts that).</returns>
    static string Process(byte[] raw)
    {
        try
        {
            ProcessOrThrow(raw);
            return "processed";
        }
        catch (FormatException)
        {
            return "unparsable";
        }
    }

    static void ProcessOrThrow(byte[] raw)
    {
        var message = RawMessage.Parse(raw);
        var list = TestLists.Bayern();
        var bytes = new PostingPipeline().Process(list, message);
        Content.GoldenContentTests.Pipeline.Process(TestLists.Bayern(l => l.Footer = Content.GoldenContentTests.Footer), bytes);
        new PostingPolicy().Decide(list, message.Headers, "erika@example.org", _ => false);
        AutomatedMessage.IsAutomated("erika@example.org", message.Headers);
        new NoticeComposer(TimeProvider.System).NonmemberRejected(list, message.Headers, "erika@example.org");
        using var stream = new MemoryStream(raw, writable: false);
        var mime = MimeMessage.Load(stream);
        new BounceParser().Parse(mime);
        CommandParser.Parse(mime);
    }

    static byte[] Nested(int depth)
    {
        var text = new StringBuilder("From: erika@example.org\r\nTo: bayern@lists.integreat.example\r\nSubject: tief\r\nMIME-Version: 1.0\r\n");
        for (var i = 0; i < depth; i++) text.Append($"Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n");
        text.Append("Content-Type: text/plain\r\n\r\ninnen\r\n");
        for (var i = depth - 1; i >= 0; i--) text.Append($"--b{i}--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
