using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Api;
using LiteDB;

namespace Integreat.Lists.Storage;

/// <summary>REST API tokens in LiteDB collection <c>api_tokens</c> (id = <see cref="ApiToken.Id"/>; the secret only
/// hashed).</summary>
public sealed class LiteApiTokenStore(LiteStore store) : IApiTokenStore
{
    ILiteCollection<ApiToken> Tokens => store.Database.GetCollection<ApiToken>("api_tokens");

    /// <inheritdoc/>
    public void Save(ApiToken token)
    {
        Tokens.Upsert(token);
        store.Sync();
    }

    /// <inheritdoc/>
    public ApiToken? Find(string id) => Tokens.FindById(id);

    /// <inheritdoc/>
    public IReadOnlyList<ApiToken> All() => Tokens.FindAll().OrderBy(t => t.CreatedUtc).ToList();

    /// <inheritdoc/>
    public bool Remove(string id)
    {
        var removed = Tokens.Delete(id);
        store.Sync();
        return removed;
    }
}
