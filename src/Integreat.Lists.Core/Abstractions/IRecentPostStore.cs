namespace Integreat.Lists.Core.Abstractions;

/// <summary>Remembers which Message-IDs went to which members, for duplicate suppression. Thread-safe; durable.</summary>
public interface IRecentPostStore
{
    /// <summary>Records that the post <paramref name="messageId"/> went from <paramref name="list"/> to <paramref name="recipients"/>.</summary>
    void Record(string list, string messageId, IReadOnlyList<string> recipients, DateTime postedUtc);

    /// <summary>True when <paramref name="messageId"/> went to <paramref name="list"/> at or after <paramref name="sinceUtc"/>.</summary>
    bool Posted(string list, string messageId, DateTime sinceUtc);

    /// <summary>The members who got <paramref name="messageId"/> from any list but <paramref name="except"/> at or
    /// after <paramref name="sinceUtc"/>.</summary>
    IReadOnlySet<string> Recipients(string messageId, DateTime sinceUtc, string except);

    /// <summary>Forgets every record older than <paramref name="beforeUtc"/>.</summary>
    /// <returns>How many were forgotten.</returns>
    int Forget(DateTime beforeUtc);
}
