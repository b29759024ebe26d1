using System.Security.Cryptography;
using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Privacy;

/// <summary>The data-protection use cases behind <c>person export|forget|allow</c>: what is kept about one
/// address (DSGVO Art. 15) and erasing it (Art. 17), across every list.</summary>
/// <remarks>Forgetting removes the address from every roster, deletes its bounce records and open requests,
/// deletes the posts of the person held for moderation (record and spool entry; nobody is told),
/// pseudonymises (or deletes, <see cref="PrivacyOptions.ForgetAudit"/>) the audit entries naming it and (per
/// <see cref="PrivacyOptions.ForgetArchive"/>) the archived posts it wrote, and keeps only
/// the SHA-256 of the address, so an administrator cannot add it again unknowingly. Log lines already written
/// (standard output) are the log store's to expire.</remarks>
public sealed class PersonDataService(
    IPersonDataStore people,
    IRosterRepository roster,
    IAuditLog audit,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    IHeldPostStore? held = null,
    IArchiveStore? archive = null,
    ISpool? spool = null)
{
    /// <summary>The audit channel of these use cases.</summary>
    public const string Channel = "privacy";

    /// <summary>True when <see cref="Forget"/> deletes archived posts instead of pseudonymising them.</summary>
    public bool ForgetsArchiveByDeleting => options.Value.ForgetArchive == PrivacyOptions.Delete;

    /// <summary>Everything kept about <paramref name="address"/>.</summary>
    /// <exception cref="AdministrationException">The address is invalid.</exception>
    public PersonData Export(string address)
    {
        var normalised = Parse(address);
        return new PersonData(normalised, time.GetUtcNow().UtcDateTime, people.Memberships(normalised), people.BounceRecords(normalised),
            people.AuditEntries(normalised), people.PendingRequests(normalised), people.SuppressedSince(Hash(normalised)),
            HeldBy(normalised), archive?.ByAuthor(normalised) ?? []);
    }

    /// <summary>Erases <paramref name="address"/> as described on the class.</summary>
    /// <exception cref="AdministrationException">The address is invalid.</exception>
    public ForgetReport Forget(string address)
    {
        var normalised = Parse(address);
        var hash = Hash(normalised);
        var pseudonym = "forgotten-" + hash[..12];
        var now = time.GetUtcNow().UtcDateTime;
        var lists = people.Memberships(normalised).Select(m => m.List).Distinct(StringComparer.Ordinal).ToList();
        foreach (var list in lists) roster.Remove(list, normalised);
        var bounces = people.DeleteBounceRecords(normalised);
        var pending = people.DeletePendingRequests(normalised);
        var heldPosts = DeleteHeld(normalised);
        var rewritten = people.RewriteAudit(normalised, options.Value.ForgetAudit == PrivacyOptions.Delete ? null : pseudonym);
        var archived = ForgetArchived(normalised, pseudonym);
        people.Suppress(hash, now);
        foreach (var list in lists) audit.Add(AuditEntry.Create(list, now, Channel, Channel, "person forget " + pseudonym, "removed and forgotten"));
        return new ForgetReport(pseudonym, lists, bounces, rewritten, pending, archived, heldPosts);
    }

    /// <summary>Pseudonymises or deletes (<see cref="PrivacyOptions.ForgetArchive"/>) the archived posts authored by
    /// <paramref name="address"/>; returns how many.</summary>
    int ForgetArchived(string address, string pseudonym)
    {
        if (archive is null) return 0;
        var posts = archive.ByAuthor(address);
        foreach (var post in posts)
        {
            if (options.Value.ForgetArchive == PrivacyOptions.Delete) archive.Delete(post);
            else Archiving.ArchivePseudonymiser.Rewrite(archive, post, pseudonym);
        }
        return posts.Count;
    }

    /// <summary>Deletes the held posts of <paramref name="address"/>: the record first (atomic, so a moderator deciding
    /// at the same moment either wins or finds nothing), then the spool entry with the post's bytes.</summary>
    int DeleteHeld(string address)
    {
        var deleted = 0;
        foreach (var post in HeldBy(address))
        {
            if (!held!.Remove(post.Id)) continue;
            spool?.Delete(Queues.QueueName.Hold, post.Id);
            deleted++;
        }
        return deleted;
    }

    /// <summary>Drops the suppression of <paramref name="address"/>, when the person asks to be added again.</summary>
    /// <returns>False when the address was not suppressed.</returns>
    /// <exception cref="AdministrationException">The address is invalid.</exception>
    public bool Allow(string address) => people.Unsuppress(Hash(Parse(address)));

    /// <summary>When <paramref name="address"/> (normalised) was forgotten; null when it was not.</summary>
    public DateTime? SuppressedSince(string address) => people.SuppressedSince(Hash(address));

    /// <summary>Held posts whose envelope sender or author is <paramref name="address"/>.</summary>
    IReadOnlyList<Moderation.HeldPost> HeldBy(string address)
        => held?.List().Where(p => EmailAddress.Normalise(p.EnvelopeSender) == address || EmailAddress.Normalise(p.Sender) == address).ToList() ?? [];

    /// <summary>The suppression hash: SHA-256 of the normalised address, lower-case hex.</summary>
    public static string Hash(string normalisedAddress)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedAddress)));

    static string Parse(string address)
        => EmailAddress.TryParse(address, out var normalised) ? normalised : throw new AdministrationException($"'{address}' is not a valid address");
}
