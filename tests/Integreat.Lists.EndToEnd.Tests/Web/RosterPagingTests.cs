using System.Net;
using System.Text.RegularExpressions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Integreat.Lists.Web.Admin;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>A roster longer than one page: every entry is reachable page by page, with and without a search.</summary>
public sealed partial class RosterPagingTests : IAsyncLifetime
{
    const string Owner = "chefin@example.org";
    const string B = "/admin/" + TestDaemon.Bayern;
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    WebSession _owner = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _daemon.AddMembers([Owner], MemberRole.Owner);
        _daemon.AddMembers(Enumerable.Range(0, 2 * RosterPage.MaxRows + 1).Select(i => $"seite-{i:D4}@example.net").ToArray());
        _owner = new WebSession(await _daemon.WebUrlAsync());
        await _owner.SignInAsync(_smarthost, Owner);
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    async Task<string> PageAsync(string query)
    {
        var (status, html) = await _owner.GetAsync(B + "/roster" + query);
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    static List<string> Rows(string html) => Row().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [Fact]
    public async Task Every_entry_is_on_exactly_one_page_and_the_links_lead_from_page_to_page()
    {
        var seen = new List<string>();
        var html = await PageAsync("");
        Assert.Contains("1002 von 1002 Einträgen, Seite 1 von 3", html);
        Assert.DoesNotContain("id=\"roster-previous\"", html);
        for (var page = 1; ; page++)
        {
            var rows = Rows(html);
            Assert.Equal(page < 3 ? RosterPage.MaxRows : 2, rows.Count);
            seen.AddRange(rows);
            var next = Next().Match(html);
            if (!next.Success) break;
            html = await PageAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
            Assert.Contains("id=\"roster-previous\"", html);
        }
        Assert.Equal(1002, seen.Distinct().Count());
        Assert.Equal(1002, seen.Count);
    }

    [Fact]
    public async Task A_search_keeps_its_query_from_page_to_page_and_a_page_past_the_end_shows_the_last()
    {
        var first = await PageAsync("?q=seite-");
        Assert.Contains("1001 von 1002 Einträgen, Seite 1 von 3", first);
        var next = WebUtility.HtmlDecode(Next().Match(first).Groups[1].Value);
        Assert.Equal("?q=seite-&page=2", next);

        var last = await PageAsync("?q=seite-&page=99");
        Assert.Equal(["seite-1000@example.net"], Rows(last));
        Assert.Contains("Seite 3 von 3", last);
    }

    [GeneratedRegex("<tr id=\"member-([^\"]+)\">")]
    private static partial Regex Row();

    [GeneratedRegex("<a id=\"roster-next\" href=\"/admin/[^?\"]+/roster(\\?[^\"]*)\">")]
    private static partial Regex Next();
}
