using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Administration;

/// <summary>The administrative use cases on lists and rosters behind the <c>lists</c> and <c>members</c>
/// commands: validate the input completely, then change the store in one call, or change nothing.</summary>
/// <remarks>Every method throws <see cref="AdministrationException"/> for bad input (an invalid address, an
/// unknown list) before anything is written, so a failed command never leaves a partial change.</remarks>
public sealed class ListAdministration(IListRepository lists, IRosterRepository roster, TimeProvider time)
{
    /// <summary>Creates a list with the default settings (see <see cref="MailingList.Create"/>).</summary>
    /// <param name="address">The posting address, e.g. <c>bayern@lists.integreat.example</c>.</param>
    /// <param name="name">The display name; null or empty for the capitalised local part.</param>
    /// <returns>The new list.</returns>
    /// <exception cref="AdministrationException">The address is invalid, or a list with it exists.</exception>
    public MailingList CreateList(string address, string? name)
    {
        var normalised = ParseAddress(address);
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
        // The list may have been removed in between; Update then reports it instead of recreating it.
        if (!lists.Update(list)) throw new AdministrationException($"no list {list.Address}");
        return list;
    }

    /// <summary>The roster of a list, ordered by address.</summary>
    /// <exception cref="AdministrationException">There is no such list.</exception>
    public IReadOnlyList<Member> Roster(string list) => roster.Roster(GetList(list).Address);

    /// <summary>Adds addresses to a list's roster in one atomic call, after checking every one of them.</summary>
    /// <param name="list">The list's posting address.</param>
    /// <param name="addresses">The addresses to add, as typed.</param>
    /// <param name="name">The display name given to every new entry, or null.</param>
    /// <param name="role">The role of every new entry.</param>
    /// <returns>One outcome per requested address, in order; a repeated address counts as present.</returns>
    /// <exception cref="AdministrationException">The list does not exist, or an address is invalid (then none is added).</exception>
    public IReadOnlyList<MemberAddition> AddMembers(string list, IReadOnlyList<string> addresses, string? name, MemberRole role)
    {
        var target = GetList(list).Address;
        var normalised = addresses.Select(ParseAddress).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var added = roster.AddMissing(normalised.Select(a => Member.Create(target, a, name, role, now)).ToList())
            .Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        return normalised.Select(a => new MemberAddition(a, added.Contains(a) && reported.Add(a))).ToList();
    }

    /// <summary>Removes one address from a list's roster.</summary>
    /// <returns>The normalised address that was removed.</returns>
    /// <exception cref="AdministrationException">The list does not exist, or the address is invalid or not on it.</exception>
    public string RemoveMember(string list, string address)
    {
        var target = GetList(list).Address;
        var normalised = ParseAddress(address);
        if (!roster.Remove(target, normalised)) throw new AdministrationException($"{normalised} is not a member of {target}");
        return normalised;
    }

    /// <summary>Imports rows as regular members: all rows are checked first; when every one is valid, the new
    /// addresses are added in one atomic call, otherwise nothing is.</summary>
    /// <returns>The per-row outcomes; <see cref="ImportReport.Imported"/> says whether anything was applied.</returns>
    /// <exception cref="AdministrationException">The list does not exist.</exception>
    public ImportReport Import(string list, IReadOnlyList<ImportRow> rows)
    {
        var target = GetList(list).Address;
        var parsed = rows.Select(r => (Row: r, Valid: EmailAddress.TryParse(r.Address, out var a), Address: a)).ToList();
        if (parsed.Any(p => !p.Valid))
            return new ImportReport(parsed.Where(p => !p.Valid).Select(p => new ImportLine(p.Row.Line, ImportOutcome.Invalid, p.Row.Address.Trim())).ToList());
        var now = time.GetUtcNow().UtcDateTime;
        var added = roster.AddMissing(parsed.Select(p => Member.Create(target, p.Address, p.Row.Name, MemberRole.Member, now)).ToList())
            .Select(m => m.Address).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        return new ImportReport(parsed.Select(p => new ImportLine(p.Row.Line,
            added.Contains(p.Address) && reported.Add(p.Address) ? ImportOutcome.Added : ImportOutcome.AlreadyPresent, p.Address)).ToList());
    }

    static string ParseAddress(string text)
        => EmailAddress.TryParse(text, out var normalised) ? normalised : throw new AdministrationException($"'{text}' is not a valid address");
}
