using System.Text.RegularExpressions;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Reads the per-recipient blocks of a notification: each block starts at a line that names one or more
/// recipients and runs to the next such line, and its status codes decide the recipient's kind.</summary>
internal static partial class RecipientBlocks
{
    const int MaxDiagnostic = 300;

    /// <summary>The failures named in <paramref name="lines"/>.</summary>
    /// <param name="lines">Notification lines.</param>
    /// <param name="recipientsOf">The recipients a line names; empty for a line that names none.</param>
    /// <param name="delayed">True when the whole report is a delay warning.</param>
    /// <param name="transient">Further text, besides a class-4 code, that marks a block as transient; may be null.</param>
    public static List<RecipientFailure> Read(IReadOnlyList<string> lines, Func<string, IReadOnlyList<string>> recipientsOf,
        bool delayed, Func<string, bool>? transient = null)
    {
        var starts = new List<(int Line, IReadOnlyList<string> Recipients)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var named = recipientsOf(lines[i]);
            if (named.Count > 0) starts.Add((i, named));
        }
        var failures = new List<RecipientFailure>();
        for (var s = 0; s < starts.Count; s++)
        {
            var end = s + 1 < starts.Count ? starts[s + 1].Line : lines.Count;
            var block = string.Join('\n', lines.Skip(starts[s].Line).Take(end - starts[s].Line));
            failures.AddRange(starts[s].Recipients.Select(r => Failure(r, block, delayed, transient)));
        }
        return failures;
    }

    /// <summary>The failure of <paramref name="address"/> as described by <paramref name="block"/>.</summary>
    public static RecipientFailure Failure(string address, string block, bool delayed, Func<string, bool>? transient = null)
    {
        var status = StatusCode.Find(block);
        var temporary = delayed || StatusCode.IsTransient(status) || (transient?.Invoke(block) ?? false);
        return new RecipientFailure(address, status, OneLine(block), temporary);
    }

    /// <summary>Collapses <paramref name="text"/> to one line of at most 300 characters; null when it is blank.</summary>
    public static string? OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var line = Whitespace().Replace(text, " ").Trim();
        return line.Length <= MaxDiagnostic ? line : line[..MaxDiagnostic];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
