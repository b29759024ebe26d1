using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Stores mailing lists and their settings. Implementations are thread-safe; every call is atomic
/// and takes effect for the next reader at once (no restart).</summary>
public interface IListRepository
{
    /// <summary>Finds a list by its posting address (any case); null when there is none.</summary>
    MailingList? Find(string address);

    /// <summary>All lists, ordered by address.</summary>
    IReadOnlyList<MailingList> All();

    /// <summary>Adds a new list.</summary>
    /// <returns>False when a list with that address exists already (nothing is changed).</returns>
    bool Insert(MailingList list);

    /// <summary>Replaces the settings of an existing list.</summary>
    /// <returns>False when the list does not exist.</returns>
    bool Update(MailingList list);
}
