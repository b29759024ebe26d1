using System.Net;
using System.Text.RegularExpressions;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Web.Unsubscribe;

/// <summary><c>/u/{token}</c> through the real Kestrel: a POST with <c>List-Unsubscribe=One-Click</c> unsubscribes
/// (audited, goodbye sent), a GET only shows the confirmation page.</summary>
public sealed class OneClickEndpointTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    const string Erika = "erika@example.org";
    readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _http.BaseAddress = await _daemon.WebUrlAsync();
        _daemon.AddMembers([Erika, "max@example.net"]);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    string Token(string address = Erika) => _daemon.Get<IUnsubscribeTokens>().Issue(TestDaemon.Bayern, address);

    bool IsMember(string address) => _daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, address) is not null;

    static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    [Fact]
    public async Task The_link_in_a_delivered_post_unsubscribes_with_the_one_click_post_and_sends_the_goodbye()
    {
        await _daemon.PostAsync(Messages.Post(Erika), Erika, TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(2, Timeout);
        var copy = _smarthost.Messages.Single(m => m.Recipients.Contains(Erika)).ToMimeMessage();
        var link = Regex.Match(copy.Headers[HeaderId.ListUnsubscribe] ?? "", "<(http[^>]+)>").Groups[1].Value;

        var response = await _http.PostAsync(link, OneClick());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(IsMember(Erika));
        Assert.True(IsMember("max@example.net"));
        var audit = Assert.Single(_daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern), e => e.Command == "leave " + Erika);
        Assert.Equal("web", audit.Channel);
        Assert.Equal("removed", audit.Result);
        await _smarthost.WaitForAsync(s => s.Messages.Count(m => m.Recipients.Contains(Erika)) == 2, Timeout);
    }

    [Fact]
    public async Task A_get_shows_the_confirmation_page_in_german_and_unsubscribes_nobody()
    {
        var page = await _http.GetAsync("/u/" + Token());
        var english = await _http.GetStringAsync("/u/" + Token() + "?lang=en");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("Möchten Sie die Liste", html);
        Assert.Contains("name=\"List-Unsubscribe\" value=\"One-Click\"", html);
        Assert.Contains("Do you want to stop receiving", english);
        Assert.True(IsMember(Erika));
        Assert.DoesNotContain(_daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern), e => e.Command.StartsWith("leave", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_without_the_one_click_field_is_refused_and_a_second_post_is_harmless()
    {
        var token = Token();

        var bare = await _http.PostAsync("/u/" + token, new FormUrlEncodedContent([new("List-Unsubscribe", "yes")]));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True(IsMember(Erika));

        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync("/u/" + token, OneClick())).StatusCode);
        var again = await _http.PostAsync("/u/" + token, OneClick());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(IsMember(Erika));
        Assert.Single(_daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern), e => e.Result == "removed");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_or_forged_token_answers_404_and_changes_nothing(string token)
    {
        var get = await _http.GetAsync("/u/" + token);
        var post = await _http.PostAsync("/u/" + token, OneClick());

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True(IsMember(Erika));
    }

    [Fact]
    public async Task A_token_altered_by_one_character_is_refused()
    {
        var token = Token();
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync("/u/" + altered, OneClick())).StatusCode);
        Assert.True(IsMember(Erika));
    }
}
