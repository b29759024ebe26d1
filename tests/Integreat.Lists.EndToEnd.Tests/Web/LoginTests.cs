using System.Net;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>Signing in by mailed link through the real Kestrel and the real delivery path to a fake smarthost.</summary>
public sealed class LoginTests : IAsyncLifetime
{
    const string Erika = "erika@example.org";
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    WebSession _web = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s => s.Web.SiteAdmins = ["Admin@Example.org"]);
        _daemon.AddMembers([Erika]);
        _web = new WebSession(await _daemon.WebUrlAsync());
    }

    public async Task DisposeAsync()
    {
        _web.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    [Fact]
    public async Task A_member_signs_in_by_the_mailed_link_and_the_link_works_only_once()
    {
        var link = new Uri(await _web.RequestLinkAsync(_smarthost, Erika));
        var mail = _smarthost.Messages.Single(m => m.Recipients.Contains(Erika));
        Assert.StartsWith("bayern-bounces", mail.Sender);
        Assert.Contains("Anmelde-Link", mail.ToMimeMessage().Subject);

        // Mail scanners fetch links: a GET shows a button and changes nothing, however often.
        var first = await _web.GetAsync(link.AbsolutePath);
        var second = await _web.GetAsync(link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("id=\"confirm-login\"", first.Html);
        Assert.DoesNotContain("signed-in-as", second.Html);

        using var signIn = await _web.SubmitAsync(link.AbsolutePath, []);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("integreat_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await _web.GetAsync("/login");
        Assert.Contains($"id=\"signed-in-as\">Angemeldet als {Erika}", page.Html);

        var again = await _web.GetAsync(link.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        using var other = new WebSession(_web.Http.BaseAddress!);
        using var reuse = await other.SubmitAsync("/login", [], link.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, reuse.StatusCode);
    }

    [Fact]
    public async Task The_cookie_keys_are_kept_in_a_directory_only_the_daemon_can_read()
    {
        await _web.RequestLinkAsync(_smarthost, Erika);

        var keys = Path.Combine(_daemon.Directory, "data", "web-keys");
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        using var unknown = await _web.SubmitAsync("/login", [new("address", "fremd@example.net")]);
        using var known = await _web.SubmitAsync("/login", [new("address", Erika)]);

        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(Strip(await known.Content.ReadAsStringAsync()), Strip(unknownHtml));
        Assert.Contains("id=\"link-sent\"", unknownHtml);
        // The hand-off happens inside the request: no job now, and none delivered, means none was ever queued.
        Assert.DoesNotContain(_daemon.Get<IDeliveryQueue>().All(), j => j.Recipients.Contains("fremd@example.net"));
        Assert.DoesNotContain("fremd@example.net", _smarthost.DeliveredTo);
    }

    [Fact]
    public async Task A_site_admin_on_no_roster_may_sign_in_in_any_case_of_the_address()
    {
        await _web.SignInAsync(_smarthost, "admin@example.org");

        var page = await _web.GetAsync("/login?lang=en");
        Assert.Contains("Signed in as admin@example.org", page.Html);
        Assert.Contains("lang=\"en\"", page.Html);
    }

    [Fact]
    public async Task The_fourth_request_within_an_hour_sends_nothing()
    {
        // The smarthost has a mail before it answers 250; the job leaves the queue only after the answer.
        var sent = 0;
        var thirdDone = _daemon.WaitForAttemptAsync((job, done) => done && job.Recipients.Contains(Erika) && Interlocked.Increment(ref sent) == 3, TimeSpan.FromSeconds(60));
        for (var i = 0; i < 3; i++) await _web.RequestLinkAsync(_smarthost, Erika);
        await thirdDone;

        using var fourth = await _web.SubmitAsync("/login", [new("address", Erika)]);

        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.DoesNotContain(_daemon.Get<IDeliveryQueue>().All(), j => j.Recipients.Contains(Erika));
        Assert.Equal(3, _smarthost.Messages.Count(m => m.Recipients.Contains(Erika)));
    }

    [Fact]
    public async Task Posts_without_or_with_a_wrong_antiforgery_token_are_refused_and_send_nothing()
    {
        using var without = await _web.PostAsync("/login", [new("address", Erika)]);
        await _web.GetAsync("/login");
        using var wrong = await _web.PostAsync("/login", [new("address", Erika), new("__RequestVerificationToken", "forged")]);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Empty(_daemon.Get<IDeliveryQueue>().All());
        Assert.Empty(_smarthost.Messages);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        await _web.SignInAsync(_smarthost, Erika);

        using var logout = await _web.SubmitAsync("/logout", []);
        var page = await _web.GetAsync("/login");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.DoesNotContain("signed-in-as", page.Html);
    }

    [Fact]
    public async Task Pages_send_no_referrer_and_forbid_scripts()
    {
        using var response = await _web.Http.GetAsync("/login");

        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<label for=\"address\">", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _web.Http.GetAsync("/site.css")).StatusCode);
    }

    /// <summary>The page without the per-request antiforgery token.</summary>
    static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]*\"", "");
}
