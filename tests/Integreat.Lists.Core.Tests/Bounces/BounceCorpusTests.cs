using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Bounces;

/// <summary>Runs <see cref="BounceParser"/> over the real reports in <c>shared/corpus/bounces</c> and compares each with
/// <c>expected.tsv</c> (file, failed recipients, kind; see the corpus README.md): the exact recipient set and the kind
/// must be right for at least 98% of the messages, and no not-a-bounce may ever be scored.</summary>
public sealed class BounceCorpusTests
{
    const double RequiredAccuracy = 0.98;

    /// <summary>Rows whose expectation cannot be met by a parser keyed on structure without contradicting another row of
    /// the same structure, or the message itself. They are counted in the overall figure and excluded from the 98% bar;
    /// <see cref="UnreachableRowsReallyMismatch"/> keeps the list honest.</summary>
    static readonly Dictionary<string, string> Unreachable = new(StringComparer.Ordinal)
    {
        ["flufl-dsn_02.eml"] = "Action: failed with Status 4.4.7 is expected permanent (flufl.bounce's convention, README); " +
            "bp-long-smtp, bp-quota-2 and 16 sisimai DSNs with Action: failed and 4.x.x are expected temporary (status class), which the parser follows",
        ["flufl-yahoo_01.eml"] = "qmail block '(#4.4.1) ... I'm not going to try again' is expected permanent (flufl); " +
            "sisimai-lhost-qmail-05 has the same block with (#4.4.3) and is expected temporary",
        ["flufl-simple_44.eml"] = "a final failure quoting '4.4.4 Temporary server error' is expected permanent (flufl); " +
            "by the status class the bp and sisimai rows use, it is temporary",
        ["flufl-yale_01.eml"] = "names the recipient by bare local part 'userx'; flufl's yale detector appends the hard-coded domains " +
            "cs.yale.edu and yale.edu, which the message does not give as the recipient's",
        ["sisimai-lhost-v5sendmail-01.eml"] = "the expected recipient 'kijitora@exampl' occurs nowhere in the message (an artefact of the " +
            "source), and the notification names no recipient at all",
        ["sisimai-lhost-postfix-01.eml"] = "Final-Recipient and Original-Recipient differ; sisimai expects the Final-Recipient, flufl-dsn_04 " +
            "and flufl-dsn_17 expect the Original-Recipient, which the parser takes (it is the address the list sent to, RFC 3461 ORCPT)",
        ["sisimai-rfc3464-09.eml"] = "Final-Recipient and Original-Recipient differ in a Postfix delay DSN identical in structure to " +
            "flufl-dsn_17, which expects the Original-Recipient; sisimai expects the Final-Recipient",
    };

    static readonly Lazy<List<Outcome>> Outcomes = new(ParseAll);

    [Fact]
    public void TheCorpusIsThere()
    {
        var files = Outcomes.Value.Select(o => o.File).ToList();

        Assert.True(files.Count >= 200, $"expected at least 200 rows in expected.tsv, found {files.Count}");
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(Folder, f)), $"{f} is in expected.tsv but not in {Folder}"));
        Assert.All(Unreachable.Keys, f => Assert.Contains(f, files));
    }

    [Fact]
    public void RecipientsAndKindAreRightForAtLeast98PercentOfTheMessages()
    {
        var outcomes = Outcomes.Value;
        var reachable = outcomes.Where(o => !Unreachable.ContainsKey(o.File)).ToList();
        var accuracy = (double)reachable.Count(o => o.Right) / reachable.Count;
        var overall = (double)outcomes.Count(o => o.Right) / outcomes.Count;

        Assert.True(accuracy >= RequiredAccuracy,
            $"accuracy {accuracy:P2} over {reachable.Count} reachable rows (overall {overall:P2} over {outcomes.Count}); mismatches:\n"
            + string.Join("\n", outcomes.Where(o => !o.Right).Select(o => o.Describe(Unreachable.GetValueOrDefault(o.File)))));
    }

    [Fact]
    public void NoNotABounceIsEverScored()
    {
        var scored = Outcomes.Value.Where(o => o.ExpectedKind == BounceKind.NotABounce && o.Report.IsBounce).ToList();

        Assert.True(scored.Count == 0, "not-a-bounce rows scored as bounces:\n" + string.Join("\n", scored.Select(o => o.Describe(null))));
    }

    [Theory]
    [InlineData("autoreplies")]
    [InlineData("mime")]
    public void NoAutoReplyOrOrdinaryMessageOfTheSharedCorpusIsScored(string folder)
    {
        var parser = new BounceParser();
        var files = Directory.GetFiles(Corpus.Folder(folder), "*.eml");
        var scored = files.Select(f => (File: Path.GetFileName(f), Report: parser.Parse(MimeMessage.Load(f))))
            .Where(r => r.Report.IsBounce).Select(r => $"  {r.File}: {r.Report.Kind} [{string.Join(",", r.Report.Recipients)}] via {r.Report.Recogniser}");

        Assert.NotEmpty(files);
        Assert.True(!scored.Any(), $"messages in {folder} scored as bounces:\n" + string.Join("\n", scored));
    }

    [Fact]
    public void UnreachableRowsReallyMismatch()
    {
        var nowRight = Outcomes.Value.Where(o => Unreachable.ContainsKey(o.File) && o.Right).Select(o => o.File).ToList();

        Assert.True(nowRight.Count == 0, "now parsed as expected, remove from Unreachable: " + string.Join(", ", nowRight));
    }

    static string Folder => Corpus.Folder("bounces");

    static List<Outcome> ParseAll()
    {
        var parser = new BounceParser();
        return File.ReadLines(Path.Combine(Folder, "expected.tsv")).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var columns = line.Split('\t');
            var expected = columns[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var report = parser.Parse(MimeMessage.Load(Path.Combine(Folder, columns[0])));
            return new Outcome(columns[0], expected, KindOf(columns[2]), report);
        }).ToList();
    }

    static BounceKind KindOf(string word) => word switch
    {
        "permanent" => BounceKind.Permanent,
        "temporary" => BounceKind.Temporary,
        "not-a-bounce" => BounceKind.NotABounce,
        _ => throw new InvalidDataException($"unknown kind '{word}' in expected.tsv"),
    };

    sealed record Outcome(string File, HashSet<string> ExpectedRecipients, BounceKind ExpectedKind, BounceReport Report)
    {
        public bool Right => Report.Kind == ExpectedKind && ExpectedRecipients.SetEquals(Report.Recipients);

        public string Describe(string? reason)
            => $"  {File}: expected {ExpectedKind} [{string.Join(",", ExpectedRecipients)}], got {Report.Kind} " +
               $"[{string.Join(",", Report.Recipients)}] {Report.Status} via {Report.Recogniser}" + (reason is null ? "" : $" (unreachable: {reason})");
    }
}
