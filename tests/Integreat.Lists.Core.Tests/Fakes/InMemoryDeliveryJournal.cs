using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Core.Tests.Fakes;

/// <summary>An in-memory <see cref="IDeliveryJournal"/> that also keeps a log of every append.</summary>
public sealed class InMemoryDeliveryJournal : IDeliveryJournal
{
    readonly Dictionary<string, Dictionary<string, int>> _entries = new(StringComparer.Ordinal);

    /// <summary>Every append, in order, including those of journals deleted since.</summary>
    public List<(string JobId, string Recipient, int Code)> Appends { get; } = [];

    /// <summary>The job ids passed to <see cref="Delete"/>, in order.</summary>
    public List<string> Deleted { get; } = [];

    public IReadOnlyDictionary<string, int> Read(string jobId) =>
        _entries.TryGetValue(jobId, out var entries) ? new Dictionary<string, int>(entries) : new Dictionary<string, int>();

    public void Append(string jobId, string recipient, int code)
    {
        if (!_entries.TryGetValue(jobId, out var entries)) _entries[jobId] = entries = new Dictionary<string, int>();
        entries[recipient] = code;
        Appends.Add((jobId, recipient, code));
    }

    public void Delete(string jobId)
    {
        _entries.Remove(jobId);
        Deleted.Add(jobId);
    }
}
