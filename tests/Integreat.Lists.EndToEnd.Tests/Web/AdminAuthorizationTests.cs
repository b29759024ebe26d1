using System.Net;
using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>The authorisation matrix of the admin area: anonymous / member / moderator / owner / site admin × every
/// endpoint, through the real Kestrel. Allowed: 200; signed in but not allowed: 403 and nothing changed (the audit
/// log, the lists and the held posts are as before); anonymous: to the sign-in form, nothing changed.</summary>
public sealed class AdminAuthorizationTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    const string B = "/admin/" + AdminFixture.Bayern;

    /// <summary>Who may: everyone signed in, moderators and up, administrators (owners, site admins), site admins only.</summary>
    enum Need { SignedIn, Moderate, Administer, Site }

    sealed record Action(string Name, Need Need, string Method, string Path, Func<string, IEnumerable<KeyValuePair<string, string>>>? Fields = null);

    [Fact]
    public async Task Every_endpoint_allows_exactly_the_roles_it_should_and_a_refusal_changes_nothing()
    {
        var held = new Dictionary<string, string>();
        foreach (var role in new[] { "moderator", "owner", "site admin" }) held[role] = await fixture.HoldAsync("Für " + role);
        var view = await fixture.HoldAsync("Zum Ansehen");
        foreach (var role in AdminFixture.Roles) fixture.AwaitApproval(Key(role) + "-pending@example.net");
        fixture.Daemon.AddMembers(AdminFixture.Roles.Select(r => Key(r) + "-weg@example.net"));

        Action[] actions =
        [
            new("home", Need.SignedIn, "GET", "/admin"),
            new("create list", Need.Site, "POST", "/admin/lists", r => [new("address", Key(r) + "@lists.integreat.example"), new("name", "")]),
            new("overview", Need.Moderate, "GET", B),
            new("settings", Need.Administer, "GET", B + "/settings"),
            new("change settings", Need.Administer, "POST", B + "/settings", _ =>
                [new("prefix", "[Bayern]"), new("reply-to", "none"), new("nonmember-action", "hold"), new("subscription-policy", "moderate")]),
            new("roster", Need.Administer, "GET", B + "/roster?q=erika"),
            new("add member", Need.Administer, "POST", B + "/roster/add", r => [new("address", Key(r) + "-neu@example.net"), new("name", "")]),
            new("moderation flag", Need.Administer, "POST", B + "/roster/moderation", _ => [new("address", AdminFixture.Member), new("on", "on")]),
            new("enable delivery", Need.Administer, "POST", B + "/roster/enable", _ => [new("address", AdminFixture.Member)]),
            new("set role", Need.Administer, "POST", B + "/roster/role", _ => [new("address", AdminFixture.Member), new("role", "member")]),
            new("remove member, question", Need.Administer, "POST", B + "/roster/remove", r => [new("address", Key(r) + "-weg@example.net")]),
            new("remove member", Need.Administer, "POST", B + "/roster/remove", r => [new("address", Key(r) + "-weg@example.net"), new("confirm", "yes")]),
            new("import preview", Need.Administer, "POST", B + "/roster/import", r => [new("text", Key(r) + "-vorschau@example.net")]),
            new("import apply", Need.Administer, "POST", B + "/roster/import/apply", r => [new("text", Key(r) + "-import@example.net")]),
            new("held posts", Need.Moderate, "GET", B + "/held"),
            new("held post", Need.Moderate, "GET", B + "/held/" + view),
            new("decide held post", Need.Moderate, "POST", B + "/held/{held}", _ => [new("decision", "discard")]),
            new("pending", Need.Administer, "GET", B + "/pending"),
            new("decline pending", Need.Administer, "POST", B + "/pending", r => [new("address", Key(r) + "-pending@example.net"), new("decision", "decline")]),
            new("audit log", Need.Administer, "GET", B + "/audit"),
        ];

        var failures = new List<string>();
        foreach (var action in actions)
        foreach (var role in AdminFixture.Roles)
        {
            var allowed = Allowed(action.Need, role);
            var path = action.Path.Replace("{held}", held.GetValueOrDefault(role, view), StringComparison.Ordinal);
            var before = State();
            using var response = action.Method == "GET"
                ? await fixture.Sessions[role].Http.GetAsync(path)
                : await fixture.Sessions[role].SubmitAsync("/logout", action.Fields!(role), path);
            var expected = role == "anonymous" ? HttpStatusCode.Redirect : allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected) failures.Add($"{action.Name} as {role}: {(int)response.StatusCode}, expected {(int)expected}");
            if (role == "anonymous" && !response.Headers.Location!.OriginalString.StartsWith("/login?return=", StringComparison.Ordinal))
                failures.Add($"{action.Name} as anonymous: redirected to {response.Headers.Location}");
            if (!allowed && State() != before) failures.Add($"{action.Name} as {role}: refused but changed {before} to {State()}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.NotNull(fixture.Daemon.Get<IHeldPostStore>().Find(view));
    }

    static bool Allowed(Need need, string role) => need switch
    {
        Need.SignedIn => role != "anonymous",
        Need.Moderate => role is "moderator" or "owner" or "site admin",
        Need.Administer => role is "owner" or "site admin",
        _ => role == "site admin",
    };

    string State() => $"audit {fixture.AuditCount()}, lists {fixture.Daemon.Get<IListRepository>().All().Count}, " +
                      $"held {fixture.Daemon.Get<IHeldPostStore>().List().Count}";

    static string Key(string role) => role.Replace(" ", "", StringComparison.Ordinal);
}
