using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Api;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary><c>api-token create|list|revoke</c> with the store opened by the CLI: the bearer string printed once, only
/// its hash stored, the scope checked against the lists.</summary>
public sealed class ApiTokenCommandTests : IDisposable
{
    const string Bayern = "bayern@lists.integreat.example";
    readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    ApiToken[] Stored()
    {
        using var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath);
        return new LiteApiTokenStore(store).All().ToArray();
    }

    [Fact]
    public async Task Create_prints_the_token_once_and_stores_only_its_hash()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        var created = await _sandbox.RunAsync("api-token", "create", "--name", "CRM", "--list", "BAYERN@lists.integreat.example");

        Assert.Equal(0, created.Code);
        var bearer = created.Out.Split('\n')[0];
        Assert.Matches("^ilt_t[0-9a-f]{10}_[A-Za-z0-9_-]{43}$", bearer);
        var token = Assert.Single(Stored());
        Assert.Equal(Bayern, token.List);
        Assert.Equal("CRM", token.Name);
        Assert.DoesNotContain(bearer.Split('_', 3)[2], token.SecretHash);
        Assert.Equal(64, token.SecretHash.Length);
        var listed = await _sandbox.RunAsync("api-token", "list");
        Assert.Equal($"{token.Id}\t{Bayern}\t", listed.Out[..(token.Id.Length + Bayern.Length + 2)]);
        Assert.DoesNotContain(bearer, listed.Out);
    }

    [Fact]
    public async Task A_site_wide_token_is_listed_with_a_star_and_revoke_deletes_it()
    {
        var created = await _sandbox.RunAsync("api-token", "create");
        var id = created.Out.Split('_')[1];

        Assert.StartsWith(id + "\t*\t", (await _sandbox.RunAsync("api-token", "list")).Out);
        var revoked = await _sandbox.RunAsync("api-token", "revoke", id);
        var again = await _sandbox.RunAsync("api-token", "revoke", id);

        Assert.Equal(0, revoked.Code);
        Assert.Empty(Stored());
        Assert.Equal(2, again.Code);
        Assert.Contains("no API token " + id, again.Err);
    }

    [Fact]
    public async Task A_token_for_an_unknown_list_is_refused()
    {
        var created = await _sandbox.RunAsync("api-token", "create", "--list", "nix@lists.integreat.example");

        Assert.Equal(2, created.Code);
        Assert.Contains("no list nix@lists.integreat.example", created.Err);
        Assert.Empty(Stored());
    }
}
