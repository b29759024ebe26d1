using Integreat.Lists.Core.Api;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The REST API's tokens. Thread-safe; each call is atomic and durable when it returns.</summary>
public interface IApiTokenStore
{
    /// <summary>Adds or replaces the token with the same id.</summary>
    void Save(ApiToken token);

    /// <summary>The token <paramref name="id"/>, or null.</summary>
    ApiToken? Find(string id);

    /// <summary>Every token, oldest first.</summary>
    IReadOnlyList<ApiToken> All();

    /// <summary>Deletes the token <paramref name="id"/>.</summary>
    /// <returns>False when there was none.</returns>
    bool Remove(string id);
}
