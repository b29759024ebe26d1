using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;

namespace Integreat.Lists.Core.Administration;

/// <summary>Which existing list an address belongs to, so that neither a new list nor a roster entry takes over
/// another list's posting or sub-address (a member address that is a list address would loop mail).</summary>
sealed class ListAddresses(IListRepository lists)
{
    /// <summary>The suffixes of a list's sub-addresses, as <see cref="ListRecipient.Resolve"/> recognises them.</summary>
    static readonly string[] SubaddressSuffixes = ["-request", "-owner", "-bounces", "-join", "-leave", "-confirm"];

    /// <summary>The list address <paramref name="address"/> names (posting or sub-address, with or without a
    /// VERP/token tag), or null when it names none of the existing lists.</summary>
    public ListRecipient? ListAddressOf(string address) => ListRecipient.Resolve(address, a => lists.Find(a) is not null);

    /// <summary>Refuses a new list whose posting address would take over an existing list's address, or whose
    /// sub-addresses would shadow another list's posting address.</summary>
    /// <exception cref="AdministrationException">It would: one line naming the clash.</exception>
    public void RefuseNewList(string posting)
    {
        if (ListAddressOf(posting) is { } named)
            throw new AdministrationException($"{posting} is {Describe(named)}; choose another address");
        var at = posting.LastIndexOf('@');
        foreach (var suffix in SubaddressSuffixes)
        {
            var sub = posting[..at] + suffix + posting[at..];
            if (lists.Find(sub) is not null)
                throw new AdministrationException($"list {sub} exists and would collide with the {suffix[1..]} address of {posting}; choose another address");
        }
    }

    /// <summary>Names <paramref name="named"/> for an error line, e.g. <c>the owner address of list bayern@…</c>.</summary>
    public static string Describe(ListRecipient named) => named.Subaddress == Subaddress.Posting
        ? $"the posting address of list {named.List}"
        : $"the {named.Subaddress.ToString().ToLowerInvariant()} address of list {named.List}";
}
