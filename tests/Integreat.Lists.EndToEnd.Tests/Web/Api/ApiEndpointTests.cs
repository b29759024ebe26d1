using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.EndToEnd.Tests.Commands;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;

namespace Integreat.Lists.EndToEnd.Tests.Web.Api;

/// <summary>The API's endpoints with a valid token through the real Kestrel: roster changes audited with channel
/// <c>api</c>, held posts decided by the hold machinery, bounces, and the OpenAPI document.</summary>
public sealed class ApiEndpointTests : IAsyncLifetime
{
    const string Bayern = TestDaemon.Bayern;
    ApiFixture _api = null!;
    HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiFixture.StartAsync();
        _http = _api.Client(await _api.CreateTokenAsync(Bayern, "crm"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    IReadOnlyList<Core.Model.AuditEntry> Audit() => _api.Daemon.Get<IAuditLog>().ForList(Bayern);

    [Fact]
    public async Task Members_are_listed_added_and_removed_and_every_change_is_audited_with_channel_api()
    {
        var added = await _http.PostAsJsonAsync($"/api/v1/lists/{Bayern}/members", new { address = "Jana@Kommune.de", name = "Jana", role = "moderator" });
        var again = await _http.PostAsJsonAsync($"/api/v1/lists/{Bayern}/members", new { address = "jana@kommune.de" });
        var invalid = await _http.PostAsJsonAsync($"/api/v1/lists/{Bayern}/members", new { address = "kein-at" });
        var roster = await JsonAsync(await _http.GetAsync($"/api/v1/lists/{Bayern}/members"));
        var removed = await _http.DeleteAsync($"/api/v1/lists/{Bayern}/members/erika@example.org");
        var missing = await _http.DeleteAsync($"/api/v1/lists/{Bayern}/members/erika@example.org");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("moderator", (await JsonAsync(added)).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["erika@example.org", "jana@kommune.de", "max@example.net"], roster.EnumerateArray().Select(m => m.GetProperty("address").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var entries = Audit().Where(e => e.Channel == "api").ToList();
        Assert.Equal(["members add jana@kommune.de --role moderator", "members add jana@kommune.de", "members remove erika@example.org"], entries.Select(e => e.Command));
        Assert.All(entries, e => Assert.StartsWith("token:t", e.Actor));
    }

    [Fact]
    public async Task Deleting_the_only_owner_is_refused_with_400_and_the_owner_stays()
    {
        _api.Daemon.AddMembers(["chefin@example.org"], Core.Model.MemberRole.Owner);
        var before = Audit().Count;

        var refused = await _http.DeleteAsync($"/api/v1/lists/{Bayern}/members/chefin@example.org");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("chefin@example.org is the list's only owner; please add another owner first",
            (await JsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(Core.Model.MemberRole.Owner, _api.Daemon.Get<IRosterRepository>().Find(Bayern, "chefin@example.org")?.Role);
        Assert.Equal(before, Audit().Count);
    }

    [Fact]
    public async Task An_unknown_list_answers_404_to_a_site_token()
    {
        using var site = _api.Client(await _api.CreateTokenAsync());

        var response = await site.GetAsync("/api/v1/lists/nix@lists.integreat.example/members");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_held_post_is_listed_and_approved_to_the_members_and_a_second_decision_finds_nothing()
    {
        _api.HoldNonmembers();
        await _api.Daemon.PostAsync(CommandMailTests.Mail("fremd@example.com", Bayern, "Sommerfest", "Hallo"), "fremd@example.com", Bayern);
        // The poster's notice is the sign that the hold is complete.
        await _api.Smarthost.WaitForRecipientsAsync(1, ApiFixture.Timeout);

        var held = (await JsonAsync(await _http.GetAsync($"/api/v1/lists/{Bayern}/held"))).EnumerateArray().ToList();
        var id = Assert.Single(held).GetProperty("id").GetString()!;
        Assert.Equal("Sommerfest", held[0].GetProperty("subject").GetString());
        var approved = await _http.PostAsync($"/api/v1/lists/{Bayern}/held/{id}/approve", null);
        var late = await _http.PostAsJsonAsync($"/api/v1/lists/{Bayern}/held/{id}/reject", new { reason = "zu spät" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approve", (await JsonAsync(approved)).GetProperty("decision").GetString());
        await _api.Smarthost.WaitForRecipientsAsync(3, ApiFixture.Timeout);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Contains(Audit(), e => e.Channel == "api" && e.Command.StartsWith("approve", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("discard")]
    public async Task A_held_post_is_rejected_or_discarded_and_leaves_the_hold(string verb)
    {
        _api.HoldNonmembers();
        await _api.Daemon.PostAsync(CommandMailTests.Mail("fremd@example.com", Bayern, "Werbung", "Kaufen Sie"), "fremd@example.com", Bayern);
        await _api.Smarthost.WaitForRecipientsAsync(1, ApiFixture.Timeout);
        var id = (await JsonAsync(await _http.GetAsync($"/api/v1/lists/{Bayern}/held"))).EnumerateArray().Single().GetProperty("id").GetString();

        var decided = await _http.PostAsJsonAsync($"/api/v1/lists/{Bayern}/held/{id}/{verb}", new { reason = "Werbung" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Empty((await JsonAsync(await _http.GetAsync($"/api/v1/lists/{Bayern}/held"))).EnumerateArray());
        Assert.Contains(Audit(), e => e.Channel == "api" && e.Command.StartsWith(verb, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_held_post_of_another_list_is_not_found_through_this_list()
    {
        _api.HoldNonmembers();
        await _api.Daemon.PostAsync(CommandMailTests.Mail("fremd@example.com", Bayern, "Sommerfest", "Hallo"), "fremd@example.com", Bayern);
        await _api.Smarthost.WaitForRecipientsAsync(1, ApiFixture.Timeout);
        var id = _api.Daemon.Get<IHeldPostStore>().List(Bayern).Single().Id;
        using var hessen = _api.Client(await _api.CreateTokenAsync(ApiFixture.Hessen));

        var response = await hessen.PostAsync($"/api/v1/lists/{ApiFixture.Hessen}/held/{id}/discard", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(_api.Daemon.Get<IHeldPostStore>().List(Bayern));
    }

    [Fact]
    public async Task Bounces_show_each_members_score_and_the_events()
    {
        _api.Daemon.Get<IBounceEventStore>().Add(new BounceEvent
        {
            List = Bayern, Address = "max@example.net", Dsn = "5.1.1", Reply = "550 5.1.1 unknown user", MessageId = "<m1@example.org>", TimeUtc = DateTime.UtcNow,
        });

        var bounces = await JsonAsync(await _http.GetAsync($"/api/v1/lists/{Bayern}/bounces"));

        Assert.Equal(["erika@example.org", "max@example.net"], bounces.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("address").GetString()));
        var bounce = Assert.Single(bounces.GetProperty("events").EnumerateArray());
        Assert.Equal("5.1.1", bounce.GetProperty("dsn").GetString());
        Assert.Equal("max@example.net", bounce.GetProperty("address").GetString());
    }

    [Fact]
    public async Task The_openapi_document_is_served_without_a_token_and_lists_every_path()
    {
        using var anonymous = _api.Client();

        var response = await anonymous.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonAsync(response);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/v1/lists", "/api/v1/lists/{list}", "/api/v1/lists/{list}/bounces", "/api/v1/lists/{list}/held",
            "/api/v1/lists/{list}/held/{id}/approve", "/api/v1/lists/{list}/held/{id}/discard", "/api/v1/lists/{list}/held/{id}/reject",
            "/api/v1/lists/{list}/members", "/api/v1/lists/{list}/members/{address}"], paths.Order(StringComparer.Ordinal));
        var members = document.GetProperty("paths").GetProperty("/api/v1/lists/{list}/members");
        Assert.True(members.TryGetProperty("get", out _));
        Assert.True(members.TryGetProperty("post", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("bearer", out _));
    }
}
