namespace Integreat.Lists.Core.Privacy;

/// <summary>What <c>person forget</c> changed.</summary>
/// <param name="Pseudonym">What the address became in the audit log (<c>forgotten-</c> and 12 hex digits of its hash).</param>
/// <param name="Lists">The lists the address was removed from.</param>
/// <param name="BounceRecords">Bounce records deleted.</param>
/// <param name="AuditEntries">Audit entries pseudonymised or deleted.</param>
/// <param name="PendingRequests">Open confirmations and approvals deleted.</param>
/// <param name="ArchivedPosts">Archived posts authored, pseudonymised or deleted (<see cref="PrivacyOptions.ForgetArchive"/>).</param>
/// <param name="HeldPosts">Posts of the person held for moderation, deleted undecided.</param>
public sealed record ForgetReport(string Pseudonym, IReadOnlyList<string> Lists, int BounceRecords, int AuditEntries, int PendingRequests,
    int ArchivedPosts = 0, int HeldPosts = 0);
