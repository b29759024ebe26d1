using System.Security.Cryptography;
using System.Text;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.Core.Tests.Commands;

public sealed class ConfirmationTokensTests
{
    const string List = "bayern@lists.integreat.example";
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    readonly InMemoryPendingRequestStore _store = new();
    readonly ConfirmationTokens _tokens;

    public ConfirmationTokensTests() => _tokens = new(_store, Options.Create(new CommandOptions()), _clock);

    [Fact]
    public void ATokenHas160RandomBitsAndOnlyItsHashIsStored()
    {
        var token = _tokens.Issue(List, "erika@example.org", PendingAction.Join);
        var other = _tokens.Issue(List, "erika@example.org", PendingAction.Join);

        Assert.Matches("^[0-9a-f]{40}$", token);
        Assert.NotEqual(token, other);
        var stored = _store.Items.Values.Single(p => p.Id == Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token))));
        Assert.Equal("erika@example.org", stored.Address);
        Assert.DoesNotContain(_store.Items.Values, p => p.Id.Contains(token) || p.Address.Contains(token));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime + TimeSpan.FromDays(3), stored.ExpiresUtc);
    }

    [Fact]
    public void ATokenIsRedeemedOnceInAnyCase()
    {
        var token = _tokens.Issue(List, "erika@example.org", PendingAction.Leave);

        var request = _tokens.Redeem(List, token.ToUpperInvariant());

        Assert.NotNull(request);
        Assert.Equal(PendingAction.Leave, request.Action);
        Assert.Null(_tokens.Redeem(List, token));
        Assert.Empty(_store.Items);
    }

    [Fact]
    public void AnExpiredTokenIsRefusedAndRemoved()
    {
        var token = _tokens.Issue(List, "erika@example.org", PendingAction.Join);
        _clock.Advance(TimeSpan.FromDays(3));

        Assert.Null(_tokens.Redeem(List, token));
        Assert.Empty(_store.Items);
    }

    [Fact]
    public void IssuingSweepsAwayTokensThatExpiredUnanswered()
    {
        var old = _tokens.Issue(List, "erika@example.org", PendingAction.Join);
        _clock.Advance(TimeSpan.FromDays(4));

        var fresh = _tokens.Issue(List, "max@example.org", PendingAction.Join);

        Assert.Equal("max@example.org", Assert.Single(_store.Items.Values).Address);
        Assert.Null(_tokens.Redeem(List, old));
        Assert.NotNull(_tokens.Redeem(List, fresh));
    }

    [Fact]
    public void ATokenStillWorksJustBeforeItExpires()
    {
        var token = _tokens.Issue(List, "erika@example.org", PendingAction.Join);
        _clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));

        Assert.NotNull(_tokens.Redeem(List, token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000")]
    [InlineData("not-a-token")]
    [InlineData("approval|bayern@lists.integreat.example|erika@example.org")]
    public void UnknownOrMalformedTokensAreRefused(string token)
    {
        _tokens.Issue(List, "erika@example.org", PendingAction.Join);
        Assert.Null(_tokens.Redeem(List, token));
        Assert.Single(_store.Items);
    }

    [Fact]
    public void ATokenOfAnotherListIsRefused()
    {
        var token = _tokens.Issue("hessen@lists.integreat.example", "erika@example.org", PendingAction.Join);
        Assert.Null(_tokens.Redeem(List, token));
    }
}
