using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Tests.Administration;

/// <summary>An <see cref="IListRepository"/> in a dictionary.</summary>
sealed class InMemoryListRepository : IListRepository
{
    readonly Dictionary<string, MailingList> _lists = new(StringComparer.Ordinal);

    public MailingList? Find(string address) => _lists.GetValueOrDefault(EmailAddress.Normalise(address));

    public IReadOnlyList<MailingList> All() => _lists.Values.OrderBy(l => l.Address, StringComparer.Ordinal).ToList();

    public bool Insert(MailingList list) => _lists.TryAdd(list.Address, list);

    public bool Update(MailingList list)
    {
        if (!_lists.ContainsKey(list.Address)) return false;
        _lists[list.Address] = list;
        return true;
    }
}
