using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Administration;

/// <summary>The administrative use cases on lists and rosters behind the <c>lists</c> and <c>members</c>
/// commands: validate the input completely, then change the store in one call, or change nothing.</summary>
/// <remarks>Every method throws <see cref="AdministrationException"/> for bad input (an invalid address, an
/// unknown list) before anything is written, so a failed command never leaves a partial change. Every roster change
/// (and every addition that found the address present) goes into the audit log with channel <c>cli</c>.</remarks>
public sealed class ListAdministration(IListRepository lists, IRosterRepository roster, TimeProvider time, IAuditLog? audit = null,
    IPersonDataStore? people = null, Notices.ITemplateRenderer? templates = null)
{
    /// <summary>The actor and channel of roster changes made here, unless <see cref="For"/> names others.</summary>
    public const string Channel = "cli";

    string _actor = Channel, _channel = Channel;
    readonly ListAddresses _addresses = new(lists);

    /// <summary>The same use cases, audited as done by <paramref name="actor"/> through <paramref name="channel"/>
    /// (the web admin area: the signed-in address and <c>web</c>).</summary>
    public ListAdministration For(string actor, string channel)
        => new(lists, roster, time, audit, people, templates) { _actor = actor, _channel = channel };

    /// <summary>Creates a list with the default settings (see <see cref="MailingList.Create"/>).</summary>
    /// <param name="address">The posting address, e.g. <c>bayern@lists.integreat.example</c>.</param>
    /// <param name="name">The display name; null or empty for the capitalised local part.</param>
    /// <returns>The new list.</returns>
    /// <exception cref="AdministrationException">The address is invalid, a list with it exists, it is one of
    /// another list's addresses (<c>bayern-owner@</c>), or one of the new list's addresses is another list's
    /// posting address (<c>bayern@</c> while <c>bayern-owner@</c> is a list).</exception>
    public MailingList CreateList(string address, string? name)
    {
        var normalised = ParseAddress(address);
        if (lists.Find(normalised) is null) _addresses.RefuseNewList(normalised);
        var list = MailingList.Create(normalised, name, time.GetUtcNow().UtcDateTime);
        if (!lists.Insert(list)) throw new AdministrationException($"list {normalised} exists already");
        return list;
    }

    /// <summary>Every list, ordered by address.</summary>
    public IReadOnlyList<MailingList> AllLists() => lists.All();

    /// <summary>Finds a list by its posting address (any case).</summary>
    /// <exception cref="AdministrationException">There is no such list.</exception>
    public MailingList GetList(string address)
        => lists.Find(address.Trim()) ?? throw new AdministrationException($"no list {address.Trim()}");

    /// <summary>Changes the given settings of a list and keeps the others.</summary>
    /// <returns>The list as saved.</returns>
    /// <exception cref="AdministrationException">There is no such list, or <paramref name="changes"/> is empty.</exception>
    public MailingList ChangeList(string address, ListChanges changes)
    {
        if (changes.IsEmpty) throw new AdministrationException("nothing to change: name at least one setting");
        var list = GetList(address);
        if (changes.SubjectPrefix is not null) list.SubjectPrefix = changes.SubjectPrefix.Trim();
        if (changes.ReplyTo is { } replyTo) list.ReplyTo = replyTo;
        if (changes.NonmemberAction is { } action) list.NonmemberAction = action;
        if (changes.SubscriptionPolicy is { } policy) list.SubscriptionPolicy = policy;
        if (changes.ModeratorsAreAdmins is { } moderatorsAreAdmins) list.ModeratorsAreAdmins = moderatorsAreAdmins;
        if (changes.Archive is { } archive) list.Archive = archive;
        if (changes.ArchiveRetentionYears is { } years)
            list.ArchiveRetentionYears = years >= 0 ? years : throw new AdministrationException("the archive retention must be 0 (for ever) or more years");
        if (changes.DmarcMitigation is { } mitigation) list.DmarcMitigation = mitigation;
        changes.Posting?.Apply(list.Posting);
        changes.Content?.Apply(list.Content);
        if (changes.Footer is { } footer) list.Footer = CheckedFooter(list, footer);
        // The list may have been removed in between; Update then reports it instead of recreating it.
        if (!lists.Update(list)) throw new AdministrationException($"no list {list.Address}");
        return list;
    }

    /// <summary>The footer source when it renders for <paramref name="list"/>; empty for none.</summary>
    /// <exception cref="AdministrationException">It does not parse as Liquid.</exception>
    string CheckedFooter(MailingList list, string footer)
    {
        if (footer.Trim().Length == 0) return "";
        try
        {
            templates?.RenderText(footer, list, new { archive_url = "" });
        }
        catch (FormatException ex)
        {
            throw new AdministrationException("the footer is no valid Liquid template: " + ex.Message);
        }
        return footer.ReplaceLineEndings("\n");
    }

    /// <summary>The roster of a list, ordered by address.</summary>
    /// <exception cref="AdministrationException">There is no such list.</exception>
    public IReadOnlyList<Member> Roster(string list) => roster.Roster(GetList(list).Address);

    /// <summary>Adds addresses to a list's roster in one atomic call, after checking every one of them.</summary>
    /// <param name="list">The list's posting address.</param>
    /// <param name="addresses">The addresses to add, as typed.</param>
    /// <param name="name">The display name given to every new entry, or null.</param>
    /// <param name="role">The role of every new entry.</param>
    /// <param name="force">Add also addresses forgotten on request (the person asked to be added again).</param>
    /// <returns>One outcome per requested address, in order; a repeated address counts as present.</returns>
    /// <exception cref="AdministrationException">The list does not exist, or an address is invalid or was forgotten
    /// on request (<c>person forget</c>) and <paramref name="force"/> is false; then none is added.</exception>
    public IReadOnlyList<MemberAddition> AddMembers(string list, IReadOnlyList<string> addresses, string? name, MemberRole role,
        bool force = false)
    {
        var target = GetList(list).Address;
        var normalised = addresses.Select(ParseAddress).ToList();
        foreach (var address in normalised)
        {
            if (_addresses.ListAddressOf(address) is { } named)
                throw new AdministrationException($"{address} is {ListAddresses.Describe(named)}; a list address cannot be a member (mail loop)");
            if (!force && Forgotten(address) is { } forgotten)
                throw new AdministrationException($"{address} was forgotten on request on {forgotten:yyyy-MM-dd}; " +
                    $"only if the person asks to be added again: 'person allow {address}' (or add it with --force)");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var added = roster.AddMissing(normalised.Select(a => Member.Create(target, a, name, role, now)).ToList())
            .Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = normalised.Select(a => new MemberAddition(a, added.Contains(a) && reported.Add(a))).ToList();
        var option = role == MemberRole.Member ? "" : " --role " + role.ToString().ToLowerInvariant();
        foreach (var outcome in outcomes)
            Audit(target, $"members add {outcome.Address}{option}", outcome.Added ? "added" : "was already a member");
        return outcomes;
    }

    /// <summary>Removes one address from a list's roster.</summary>
    /// <returns>The normalised address that was removed.</returns>
    /// <exception cref="AdministrationException">The list does not exist, the address is invalid or not on it, or it is
    /// the list's last owner (<see cref="LastOwnerRule"/>).</exception>
    public string RemoveMember(string list, string address)
    {
        var target = GetList(list).Address;
        var normalised = ParseAddress(address);
        if (roster.Find(target, normalised) is { } member) LastOwnerRule.Check(roster, member);
        if (!roster.Remove(target, normalised)) throw new AdministrationException($"{normalised} is not a member of {target}");
        Audit(target, "members remove " + normalised, "removed");
        return normalised;
    }

    /// <summary>Imports rows as regular members: all rows are checked first; when every one is valid, the new
    /// addresses are added in one atomic call, otherwise nothing is. Addresses forgotten on request
    /// (<c>person forget</c>) are skipped and reported, unless <paramref name="force"/>.</summary>
    /// <returns>The per-row outcomes; <see cref="ImportReport.Imported"/> says whether anything was applied.</returns>
    /// <exception cref="AdministrationException">The list does not exist.</exception>
    public ImportReport Import(string list, IReadOnlyList<ImportRow> rows, bool force = false)
    {
        var target = GetList(list).Address;
        var parsed = Parse(rows);
        if (parsed.Any(p => !p.Valid)) return Invalid(parsed);
        var now = time.GetUtcNow().UtcDateTime;
        var forgotten = force ? [] : parsed.Where(p => Forgotten(p.Address) is not null).Select(p => p.Address).ToHashSet(StringComparer.Ordinal);
        var added = roster.AddMissing(parsed.Where(p => !forgotten.Contains(p.Address))
                .Select(p => Member.Create(target, p.Address, p.Row.Name, MemberRole.Member, now)).ToList())
            .Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var report = new ImportReport(parsed.Select(p => new ImportLine(p.Row.Line,
            forgotten.Contains(p.Address) ? ImportOutcome.Forgotten
            : added.Contains(p.Address) && reported.Add(p.Address) ? ImportOutcome.Added : ImportOutcome.AlreadyPresent, p.Address)).ToList());
        // A forgotten address is not written to the audit log again: that would undo the pseudonymisation.
        foreach (var line in report.Lines.Where(l => l.Outcome != ImportOutcome.Forgotten))
            Audit(target, $"members import {line.Text} (line {line.Line})", line.Outcome == ImportOutcome.Added ? "added" : "was already a member");
        return report;
    }

    /// <summary>What <see cref="Import"/> would do with <paramref name="rows"/> now, without changing anything.</summary>
    /// <exception cref="AdministrationException">The list does not exist.</exception>
    public ImportReport PreviewImport(string list, IReadOnlyList<ImportRow> rows)
    {
        var target = GetList(list).Address;
        var parsed = Parse(rows);
        if (parsed.Any(p => !p.Valid)) return Invalid(parsed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new ImportReport(parsed.Select(p => new ImportLine(p.Row.Line,
            Forgotten(p.Address) is not null ? ImportOutcome.Forgotten
            : roster.Find(target, p.Address) is null && seen.Add(p.Address) ? ImportOutcome.Added : ImportOutcome.AlreadyPresent, p.Address)).ToList());
    }

    List<(ImportRow Row, bool Valid, string Address)> Parse(IReadOnlyList<ImportRow> rows)
        => rows.Select(r => (Row: r, Valid: EmailAddress.TryParse(r.Address, out var a) && _addresses.ListAddressOf(a) is null, Address: a)).ToList();

    static ImportReport Invalid(List<(ImportRow Row, bool Valid, string Address)> parsed)
        => new(parsed.Where(p => !p.Valid).Select(p => new ImportLine(p.Row.Line, ImportOutcome.Invalid, p.Row.Address.Trim())).ToList());

    /// <summary>When <paramref name="address"/> was forgotten on request; null when it was not (or no record store).</summary>
    DateTime? Forgotten(string address) => people?.SuppressedSince(Privacy.PersonDataService.Hash(address));

    void Audit(string list, string command, string result)
        => audit?.Add(AuditEntry.Create(list, time.GetUtcNow().UtcDateTime, _actor, _channel, command, result));

    static string ParseAddress(string text)
        => EmailAddress.TryParse(text, out var normalised) ? normalised : throw new AdministrationException($"'{text}' is not a valid address");
}
