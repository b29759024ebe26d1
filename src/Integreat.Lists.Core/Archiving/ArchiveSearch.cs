using Integreat.Lists.Core.Abstractions;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Archiving;

/// <summary>Searches one list's archive: every folded query word must begin a word (<see cref="SearchWords"/>: umlauts
/// and case do not matter; "Förder" finds "Fördermittel", as German compounds need) in subject, sender or body;
/// results are ranked by where and how often the words occur (subject 3, sender 2, body 1 per occurrence, at most 10
/// per query word in the body; a whole-word occurrence counts twice), newest first on a tie, and paged.</summary>
/// <remarks>Candidates come from the store's word index (LiteDB multikey index on the words of each post), so a
/// search reads only the posts that contain the first word, not the whole archive.</remarks>
public sealed class ArchiveSearch(IArchiveStore archive, IOptions<ArchiveOptions> options)
{
    /// <summary>At most this many query words are used.</summary>
    public const int MaxWords = 8;

    /// <summary>One page of results for <paramref name="query"/> on <paramref name="list"/>.</summary>
    /// <param name="list">The list address.</param>
    /// <param name="query">The words as typed.</param>
    /// <param name="page">The page, from 1; smaller values mean 1.</param>
    /// <returns>The posts of the page, best first, and the number of all matches.</returns>
    public (IReadOnlyList<ArchivedPost> Posts, int Total) Find(string list, string query, int page)
    {
        var words = SearchWords.Split(query).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        if (words.Count == 0) return ([], 0);
        var size = options.Value.SearchPageSize;
        var ranked = archive.WithTermPrefix(list, words[0])
            .Where(e => words.Skip(1).All(w => e.Terms.Any(t => t.StartsWith(w, StringComparison.Ordinal))))
            .Select(e => (Entry: e, Score: Score(e, words)))
            .Select(r => (Post: archive.Find(list, r.Entry.Id), r.Score))
            .Where(r => r.Post is not null)
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Post!.DateUtc)
            .ToList();
        var skip = (Math.Max(page, 1) - 1) * size;
        return (ranked.Skip(skip).Take(size).Select(r => r.Post!).ToList(), ranked.Count);
    }

    static int Score(ArchiveSearchEntry entry, IReadOnlyList<string> words)
    {
        var subject = Count(entry.Subject);
        var sender = Count(entry.Sender);
        var body = Count(entry.Body);
        return words.Sum(w => 3 * Hits(subject, w) + 2 * Hits(sender, w) + Math.Min(10, Hits(body, w)));
    }

    /// <summary>Occurrences of words beginning with <paramref name="prefix"/>, the word itself counted twice.</summary>
    static int Hits(Dictionary<string, int> counts, string prefix)
        => counts.GetValueOrDefault(prefix) + counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

    static Dictionary<string, int> Count(string folded)
        => folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
