using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Tests.Administration;

/// <summary>An <see cref="IAuditLog"/> in a list, so tests can see what was recorded as done.</summary>
sealed class InMemoryAuditLog : IAuditLog
{
    public List<AuditEntry> Entries { get; } = [];

    public void Add(AuditEntry entry) => Entries.Add(entry);

    public IReadOnlyList<AuditEntry> ForList(string list) => Entries.Where(e => e.List == list).ToList();
}
