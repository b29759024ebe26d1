using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;
using LiteDB;

namespace Integreat.Lists.Storage;

/// <summary><see cref="IPersonDataStore"/> over the LiteDB collections; every change is synced before it returns.</summary>
/// <remarks>Audit entries are few and hold the address inside free text, so they are searched in memory.</remarks>
public sealed class LitePersonDataStore(LiteStore store) : IPersonDataStore
{
    ILiteCollection<Suppression> Suppressions => store.Database.GetCollection<Suppression>("suppressions");

    /// <inheritdoc/>
    public IReadOnlyList<Member> Memberships(string address) => store.Members.Find(m => m.Address == address).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<BounceEvent> BounceRecords(string address) => store.Bounces.Find(b => b.Address == address).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> AuditEntries(string address) => store.Audit.FindAll().Where(e => Names(e, address)).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<PendingRequest> PendingRequests(string address) => store.Pending.Find(p => p.Address == address).ToList();

    /// <inheritdoc/>
    public int DeleteBounceRecords(string address) => Synced(store.Bounces.DeleteMany(b => b.Address == address));

    /// <inheritdoc/>
    public int DeletePendingRequests(string address) => Synced(store.Pending.DeleteMany(p => p.Address == address));

    /// <inheritdoc/>
    public int RewriteAudit(string address, string? pseudonym)
    {
        var entries = AuditEntries(address);
        foreach (var entry in entries)
        {
            if (pseudonym is null)
            {
                store.Audit.Delete(entry.Id);
                continue;
            }
            entry.Actor = Replace(entry.Actor, address, pseudonym);
            entry.Command = Replace(entry.Command, address, pseudonym);
            entry.Result = Replace(entry.Result, address, pseudonym);
            store.Audit.Update(entry);
        }
        return Synced(entries.Count);
    }

    /// <inheritdoc/>
    public void Suppress(string hash, DateTime sinceUtc) => Synced(Suppressions.Upsert(new Suppression { Id = hash, SinceUtc = sinceUtc }) ? 1 : 0);

    /// <inheritdoc/>
    public DateTime? SuppressedSince(string hash) => Suppressions.FindById(hash)?.SinceUtc;

    /// <inheritdoc/>
    public bool Unsuppress(string hash) => Synced(Suppressions.Delete(hash) ? 1 : 0) == 1;

    /// <inheritdoc/>
    public int DeleteBounceRecordsBefore(DateTime cutoffUtc) => Synced(store.Bounces.DeleteMany(b => b.TimeUtc < cutoffUtc));

    /// <inheritdoc/>
    public int DeleteAuditBefore(DateTime cutoffUtc) => Synced(store.Audit.DeleteMany(e => e.TimeUtc < cutoffUtc));

    int Synced(int count)
    {
        if (count > 0) store.Sync();
        return count;
    }

    static bool Names(AuditEntry entry, string address)
        => entry.Actor.Contains(address, StringComparison.OrdinalIgnoreCase) || entry.Command.Contains(address, StringComparison.OrdinalIgnoreCase)
           || entry.Result.Contains(address, StringComparison.OrdinalIgnoreCase);

    static string Replace(string text, string address, string pseudonym) => text.Replace(address, pseudonym, StringComparison.OrdinalIgnoreCase);
}
