using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The append-only log of roster changes, readable by <c>integreat-lists audit LIST</c>. Thread-safe.</summary>
public interface IAuditLog
{
    /// <summary>Appends one entry durably.</summary>
    void Add(AuditEntry entry);

    /// <summary>The entries of <paramref name="list"/>, oldest first.</summary>
    IReadOnlyList<AuditEntry> ForList(string list);
}
