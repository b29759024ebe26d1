using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Privacy;

/// <summary>Everything the store holds about one address (DSGVO Art. 15), as <c>person export</c> prints it.</summary>
/// <param name="Address">The normalised address.</param>
/// <param name="ExportedUtc">When the export was made.</param>
/// <param name="Memberships">Every roster entry, on every list (role, name, delivery and bounce state).</param>
/// <param name="BounceRecords">Every bounce record of the address.</param>
/// <param name="AuditEntries">Every audit entry that names the address (as actor, in the command or in the result).</param>
/// <param name="PendingRequests">Open confirmations and approvals for the address.</param>
/// <param name="SuppressedSinceUtc">When the address was forgotten (and so may not be re-added); null when it was not.</param>
/// <param name="HeldPosts">Posts from the address waiting for a moderator (envelope sender or From:).</param>
/// <param name="ArchivedPosts">Archived posts whose From: is the address, on every list (metadata; the posts
/// themselves are on the archive pages and in the mbox exports).</param>
public sealed record PersonData(
    string Address,
    DateTime ExportedUtc,
    IReadOnlyList<Member> Memberships,
    IReadOnlyList<BounceEvent> BounceRecords,
    IReadOnlyList<AuditEntry> AuditEntries,
    IReadOnlyList<PendingRequest> PendingRequests,
    DateTime? SuppressedSinceUtc,
    IReadOnlyList<Moderation.HeldPost> HeldPosts,
    IReadOnlyList<Archiving.ArchivedPost>? ArchivedPosts = null);
