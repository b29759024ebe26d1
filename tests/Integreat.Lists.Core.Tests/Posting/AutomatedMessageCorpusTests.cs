using System.Text;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Posting;

/// <summary>Runs <see cref="AutomatedMessage.IsAutomated"/> over the real auto-replies in
/// <c>shared/corpus/autoreplies</c> (see its README.md).</summary>
public sealed class AutomatedMessageCorpusTests
{
    /// <summary>Corpus files that carry no machine-readable auto-reply signal at all, with the reason.</summary>
    /// <remarks>Listed here instead of weakening the assertion for every file; <see cref="ExceptionsReallyLackEverySignal"/>
    /// keeps this list honest.</remarks>
    static readonly Dictionary<string, string> NotRecognisableByHeaders = new(StringComparer.Ordinal)
    {
        ["bp-warning-6-lotus-notes-ooo.eml"] =
            "Lotus Notes out-of-office: no Auto-Submitted, Precedence, X-Auto-Response-Suppress or list header, a personal " +
            "(non-null, non-robot) Return-Path; only the English subject \"AUTO: ... is out of the office (returning ...)\" tells",
    };

    static string AutorepliesFolder => Corpus.Folder("autoreplies");

    static List<string> FileNames() => Directory.GetFiles(AutorepliesFolder, "*.eml")
        .Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Files() => new(FileNames());

    public static TheoryData<string> RecognisableFiles() => new(FileNames().Where(f => !NotRecognisableByHeaders.ContainsKey(f)));

    /// <summary>The headers and the envelope sender of a corpus file: Return-Path when present ("&lt;&gt;" is the null
    /// sender), else the mbox "From " line, else the From: address.</summary>
    static (HeaderList Headers, string EnvelopeSender) Load(string file)
    {
        var raw = File.ReadAllBytes(Path.Combine(AutorepliesFolder, file));
        string? mboxSender = null;
        if (raw.AsSpan().StartsWith("From "u8))
        {
            var eol = Array.IndexOf(raw, (byte)'\n');
            mboxSender = Encoding.ASCII.GetString(raw, 5, eol - 5).Trim().Split(' ', 2)[0];
            raw = raw[(eol + 1)..];
        }
        var headers = RawMessage.Parse(raw).Headers;
        var returnPath = headers[HeaderId.ReturnPath];
        if (returnPath is not null) return (headers, returnPath.Trim().TrimStart('<').TrimEnd('>').Trim());
        if (mboxSender is not null) return (headers, mboxSender == "<>" || mboxSender == "MAILER-DAEMON" ? "" : mboxSender);
        var from = InternetAddressList.Parse(headers[HeaderId.From] ?? "").Mailboxes.First();
        return (headers, from.Address);
    }

    [Fact]
    public void TheCorpusIsThere()
    {
        var files = FileNames();

        Assert.True(files.Count >= 8, $"expected at least 8 auto-replies in {AutorepliesFolder}, found {files.Count}");
        Assert.All(NotRecognisableByHeaders.Keys, f => Assert.Contains(f, files));
    }

    [Theory]
    [MemberData(nameof(RecognisableFiles))]
    public void EveryAutoReplyIsRecognisedWithItsEnvelope(string file)
    {
        var (headers, sender) = Load(file);

        Assert.True(AutomatedMessage.IsAutomated(sender, headers), $"{file} (envelope sender <{sender}>) was not recognised as automated");
    }

    [Theory]
    [MemberData(nameof(RecognisableFiles))]
    public void EveryAutoReplyIsRecognisedByItsHeadersAloneToo(string file)
    {
        // A forwarder may replace the null sender, so the headers alone must suffice; From: stands in for the envelope.
        var (headers, _) = Load(file);
        var from = InternetAddressList.Parse(headers[HeaderId.From] ?? "").Mailboxes.First().Address;

        Assert.True(AutomatedMessage.IsAutomated(from, headers), $"{file} (headers only, sender <{from}>) was not recognised as automated");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ExceptionsReallyLackEverySignal(string file)
    {
        if (!NotRecognisableByHeaders.ContainsKey(file)) return;
        var (headers, sender) = Load(file);

        Assert.NotEqual("", sender);
        foreach (var name in new[]
                 {
                     "Auto-Submitted", "Precedence", "X-Precedence", "X-Autoreply", "X-Autorespond", "X-Auto-Reply",
                     "X-Auto-Response-Suppress", "List-Id", "List-Post",
                 })
            Assert.False(headers.Contains(name), $"{file} has {name}; remove it from the exceptions");
        Assert.DoesNotContain("multipart/report", headers[HeaderId.ContentType] ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
