using System.Net;
using System.Text.Json;

namespace Integreat.Lists.EndToEnd.Tests.Web.Api;

/// <summary>Every <c>/api/v1</c> endpoint refuses a request without a token, with a wrong or revoked token (401), and
/// with a token of another list (403), as RFC 9457 problem details.</summary>
public sealed class ApiAuthorizationTests : IAsyncLifetime
{
    const string Bayern = "bayern@lists.integreat.example";
    ApiFixture _api = null!;

    public async Task InitializeAsync() => _api = await ApiFixture.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "GET", $"/api/v1/lists/{Bayern}" },
        { "GET", $"/api/v1/lists/{Bayern}/members" },
        { "POST", $"/api/v1/lists/{Bayern}/members" },
        { "DELETE", $"/api/v1/lists/{Bayern}/members/erika@example.org" },
        { "GET", $"/api/v1/lists/{Bayern}/held" },
        { "POST", $"/api/v1/lists/{Bayern}/held/x/approve" },
        { "POST", $"/api/v1/lists/{Bayern}/held/x/reject" },
        { "POST", $"/api/v1/lists/{Bayern}/held/x/discard" },
        { "GET", $"/api/v1/lists/{Bayern}/bounces" },
    };

    static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" ? new StringContent("{\"address\":\"neu@example.org\"}", System.Text.Encoding.UTF8, "application/json") : null,
    };

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_token_every_endpoint_answers_401_with_a_bearer_challenge(string method, string path)
    {
        using var http = _api.Client();
        var response = await http.SendAsync(Request(method, path));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(2, _api.Daemon.Get<Core.Abstractions.IRosterRepository>().Roster(Bayern).Count);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_wrong_token_answers_401(string method, string path)
    {
        var real = await _api.CreateTokenAsync();
        using var http = _api.Client(real[..^2] + (real.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"));

        await AssertProblemAsync(await http.SendAsync(Request(method, path)), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_token_of_another_list_answers_403_and_changes_nothing(string method, string path)
    {
        using var http = _api.Client(await _api.CreateTokenAsync(ApiFixture.Hessen));

        await AssertProblemAsync(await http.SendAsync(Request(method, path)), HttpStatusCode.Forbidden);
        Assert.Equal(2, _api.Daemon.Get<Core.Abstractions.IRosterRepository>().Roster(Bayern).Count);
    }

    [Fact]
    public async Task An_anonymous_request_with_a_malformed_body_gets_401_not_400()
    {
        using var http = _api.Client();

        var response = await http.PostAsync($"/api/v1/lists/{Bayern}/members", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revoked_token_answers_401_from_then_on()
    {
        var bearer = await _api.CreateTokenAsync(name: "crm");
        using var http = _api.Client(bearer);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/lists")).StatusCode);
        var id = bearer.Split('_')[1];

        var (code, lines, error) = await _api.RunAsync("api-token", "revoke", id);

        Assert.True(code == 0, error);
        Assert.Equal("revoked " + id, lines[0]);
        await AssertProblemAsync(await http.GetAsync("/api/v1/lists"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_list_token_sees_only_its_list_and_a_site_token_sees_all()
    {
        using var hessen = _api.Client(await _api.CreateTokenAsync(ApiFixture.Hessen));
        using var site = _api.Client(await _api.CreateTokenAsync());

        var own = JsonDocument.Parse(await hessen.GetStringAsync("/api/v1/lists")).RootElement.EnumerateArray().Select(l => l.GetProperty("address").GetString()).ToList();
        var all = JsonDocument.Parse(await site.GetStringAsync("/api/v1/lists")).RootElement.EnumerateArray().Select(l => l.GetProperty("address").GetString()).ToList();

        Assert.Equal([ApiFixture.Hessen], own);
        Assert.Equal([Bayern, ApiFixture.Hessen], all.Order());
    }
}
