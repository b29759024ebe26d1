using Integreat.Lists.Core.Commands;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Stores requests waiting for a confirmation or an approval. Thread-safe; each call is atomic.</summary>
public interface IPendingRequestStore
{
    /// <summary>Adds or replaces the request with the same <see cref="PendingRequest.Id"/>, durably.</summary>
    void Save(PendingRequest request);

    /// <summary>The request with key <paramref name="id"/>, or null.</summary>
    PendingRequest? Find(string id);

    /// <summary>Removes the request with key <paramref name="id"/>.</summary>
    /// <returns>False when there was none (someone else took it first), so a token is used at most once.</returns>
    bool Remove(string id);

    /// <summary>Removes every confirmation that expired at or before <paramref name="nowUtc"/>.</summary>
    /// <returns>How many were removed.</returns>
    int RemoveExpired(DateTime nowUtc);

    /// <summary>The approvals waiting on <paramref name="list"/>, oldest first.</summary>
    IReadOnlyList<PendingRequest> Approvals(string list);
}
