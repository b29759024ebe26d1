using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Tests.Support;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Bounces;

/// <summary>Runs <see cref="BounceParser"/> over the real reports in <c>shared/corpus/bounces</c> and compares each with
/// <c>expected.tsv</c> (file, failed recipients, kind; see the corpus README.md): the exact recipient set and the kind
/// must be right for every row but the four whose expectation contradicts other rows or the message (208 of 212 = 98.1%; the issue asks 98%),
/// and no not-a-bounce may ever be scored.</summary>
public sealed class BounceCorpusTests
{
    /// <summary>The issue asks for 98% of all rows (208 of 212). The four rows of <see cref="Contradictory"/> cannot be met
    /// by any rule that does not contradict other rows of the same meaning or invent addresses; any mismatch outside
    /// them fails <see cref="OnlyTheContradictoryRowsMismatch"/>.</summary>
    const double RequiredAccuracy = 0.98;

    /// <summary>Rows whose expectation contradicts other rows of the same meaning, or the message itself. They count in
    /// the rate like every other row; <see cref="OnlyTheContradictoryRowsMismatch"/> keeps this list honest.</summary>
    static readonly Dictionary<string, string> Contradictory = new(StringComparer.Ordinal)
    {
        ["flufl-dsn_02.eml"] = "the MTA gave up on a transient condition (Action: failed, Status 4.4.7) and flufl expects permanent; " +
            "bp-long-smtp, bp-quota-2 and 14 sisimai DSNs with Action: failed and 4.x.x (sendmail-10 and -39, exchange2007-05 and " +
            "amazonses-17 with the same 4.4.7 expiry) are expected temporary (status class), which the parser follows",
        ["flufl-yahoo_01.eml"] = "qmail block '(#4.4.1) ... I'm not going to try again' is expected permanent (flufl); " +
            "sisimai-lhost-qmail-05 has the same block with (#4.4.3), and qmail-06 and exim-06 say 'This is a permanent error' " +
            "with a 4.x.x cause, and all three are expected temporary",
        ["flufl-simple_44.eml"] = "a final failure after 30 attempts quoting '4.4.4 Temporary server error' is expected permanent (flufl); " +
            "the same meaning (given up on a transient cause) is expected temporary in the rows named for flufl-dsn_02 and flufl-yahoo_01",
        ["sisimai-lhost-v5sendmail-01.eml"] = "the expected recipient 'kijitora@exampl' occurs nowhere in the message (a truncation " +
            "artefact of the source); the notification names no recipient, and the returned copy names kijitora@example.com",
    };

    static readonly Lazy<List<Outcome>> Outcomes = new(ParseAll);

    [Fact]
    public void TheCorpusIsThere()
    {
        var files = Outcomes.Value.Select(o => o.File).ToList();

        Assert.True(files.Count >= 200, $"expected at least 200 rows in expected.tsv, found {files.Count}");
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(Folder, f)), $"{f} is in expected.tsv but not in {Folder}"));
        Assert.All(Contradictory.Keys, f => Assert.Contains(f, files));
    }

    [Fact]
    public void RecipientsAndKindAreRightForAllButTheContradictoryRows()
    {
        var outcomes = Outcomes.Value;
        var accuracy = (double)outcomes.Count(o => o.Right) / outcomes.Count;

        Assert.True(accuracy >= RequiredAccuracy,
            $"accuracy {accuracy:P2} over all {outcomes.Count} rows; mismatches:\n"
            + string.Join("\n", outcomes.Where(o => !o.Right).Select(o => o.Describe(Contradictory.GetValueOrDefault(o.File)))));
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
    public void OnlyTheContradictoryRowsMismatch()
    {
        var mismatched = Outcomes.Value.Where(o => !o.Right).Select(o => o.File).ToHashSet();

        Assert.Equal(Contradictory.Keys.Order(), mismatched.Order());
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
               $"[{string.Join(",", Report.Recipients)}] {Report.Status} via {Report.Recogniser}" + (reason is null ? "" : $" (contradictory: {reason})");
    }
}
