using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The store seen per person and per age: finding, erasing and expiring what is kept about addresses
/// (DSGVO Art. 15, 17 and 5(1)(e)). Addresses are normalised (<see cref="Addressing.EmailAddress.Normalise"/>).</summary>
public interface IPersonDataStore
{
    /// <summary>Every roster entry of <paramref name="address"/>, on every list.</summary>
    IReadOnlyList<Member> Memberships(string address);

    /// <summary>Every bounce record of <paramref name="address"/>.</summary>
    IReadOnlyList<BounceEvent> BounceRecords(string address);

    /// <summary>Every audit entry naming <paramref name="address"/> (case-insensitive) in actor, command or result.</summary>
    IReadOnlyList<AuditEntry> AuditEntries(string address);

    /// <summary>Open confirmations and approvals for <paramref name="address"/>.</summary>
    IReadOnlyList<PendingRequest> PendingRequests(string address);

    /// <summary>Deletes the bounce records of <paramref name="address"/>; returns how many.</summary>
    int DeleteBounceRecords(string address);

    /// <summary>Deletes the open requests of <paramref name="address"/>; returns how many.</summary>
    int DeletePendingRequests(string address);

    /// <summary>Replaces <paramref name="address"/> by <paramref name="pseudonym"/> in every audit entry naming it, or
    /// deletes those entries when <paramref name="pseudonym"/> is null; returns how many.</summary>
    int RewriteAudit(string address, string? pseudonym);

    /// <summary>Keeps the suppression record: only the hash and the time.</summary>
    void Suppress(string hash, DateTime sinceUtc);

    /// <summary>When the address with <paramref name="hash"/> was forgotten; null when it was not.</summary>
    DateTime? SuppressedSince(string hash);

    /// <summary>Drops a suppression record; false when there was none.</summary>
    bool Unsuppress(string hash);

    /// <summary>Deletes bounce records older than <paramref name="cutoffUtc"/>; returns how many.</summary>
    int DeleteBounceRecordsBefore(DateTime cutoffUtc);

    /// <summary>Deletes audit entries older than <paramref name="cutoffUtc"/>; returns how many.</summary>
    int DeleteAuditBefore(DateTime cutoffUtc);
}
