using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Storage;

/// <summary>The audit log in LiteDB collection <c>audit</c>.</summary>
public sealed class LiteAuditLog(LiteStore store) : IAuditLog
{
    /// <inheritdoc/>
    public void Add(AuditEntry entry)
    {
        store.Audit.Insert(entry);
        store.Sync();
    }

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> ForList(string list)
    {
        var key = EmailAddress.Normalise(list);
        return store.Audit.Find(a => a.List == key).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
    }
}
