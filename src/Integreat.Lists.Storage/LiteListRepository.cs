using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Storage;

/// <summary>Lists in LiteDB collection <c>lists</c>.</summary>
public sealed class LiteListRepository(LiteStore store) : IListRepository
{
    /// <inheritdoc/>
    public MailingList? Find(string address) => store.Lists.FindById(EmailAddress.Normalise(address));

    /// <inheritdoc/>
    public IReadOnlyList<MailingList> All() => store.Lists.FindAll().OrderBy(l => l.Address, StringComparer.Ordinal).ToList();

    /// <inheritdoc/>
    public bool Insert(MailingList list)
    {
        if (store.Lists.FindById(list.Address) is not null) return false;
        try { store.Lists.Insert(list); }
        catch (LiteDB.LiteException ex) when (ex.ErrorCode == LiteDB.LiteException.INDEX_DUPLICATE_KEY) { return false; }
        store.Sync();
        return true;
    }

    /// <inheritdoc/>
    public bool Update(MailingList list)
    {
        var updated = store.Lists.Update(list);
        store.Sync();
        return updated;
    }
}
