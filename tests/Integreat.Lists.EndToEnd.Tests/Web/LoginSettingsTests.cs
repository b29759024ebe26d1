using System.Net;
using System.Text.RegularExpressions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>Sign-in with other settings: links that expire on the daemon's clock, and Secure cookies behind https.</summary>
public sealed class LoginSettingsTests
{
    const string Erika = "erika@example.org";

    [Fact]
    public async Task A_link_no_longer_works_once_its_lifetime_is_over()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var smarthost = await FakeSmarthost.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(smarthost.HostPort, services: s => s.AddSingleton<TimeProvider>(clock));
        daemon.AddMembers([Erika]);
        using var web = new WebSession(await daemon.WebUrlAsync());
        var link = new Uri(await web.RequestLinkAsync(smarthost, Erika));

        clock.Advance(TimeSpan.FromMinutes(29));
        var before = await web.GetAsync(link.AbsolutePath);
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = await web.GetAsync(link.AbsolutePath);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.Contains("abgelaufen", after.Html);
    }

    [Fact]
    public async Task Behind_an_https_base_url_the_link_is_https_and_the_cookies_are_secure()
    {
        await using var smarthost = await FakeSmarthost.StartAsync();
        await using var daemon = await TestDaemon.StartAsync(smarthost.HostPort, s => s.Web.BaseUrl = "https://lists.integreat.example/");
        daemon.AddMembers([Erika]);
        // The visitor's cookies are sent by hand: a client keeps Secure cookies away from plain http.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = await daemon.WebUrlAsync() };
        var form = await http.GetAsync("/login");
        var cookies = Cookies(form);
        using var request = Post("/login", cookies, await form.Content.ReadAsStringAsync(), [new("address", Erika)]);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        await smarthost.WaitForAsync(h => h.DeliveredTo.Contains(Erika), WebSession.Timeout);
        var link = Regex.Match(smarthost.Messages.Single().ToMimeMessage().TextBody ?? "", @"https://lists\.integreat\.example/login/[0-9a-f]{64}").Value;
        Assert.NotEmpty(link);

        var path = new Uri(link).AbsolutePath;
        var confirm = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", cookies } } });
        using var signIn = Post(path, cookies, await confirm.Content.ReadAsStringAsync(), []);
        var response = await http.SendAsync(signIn);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("integreat_session=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.All(form.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    static string Cookies(HttpResponseMessage response)
        => string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    static HttpRequestMessage Post(string path, string cookies, string page, IEnumerable<KeyValuePair<string, string>> fields) => new(HttpMethod.Post, path)
    {
        Headers = { { "Cookie", cookies } },
        Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebSession.TokenIn(page)!))),
    };
}
