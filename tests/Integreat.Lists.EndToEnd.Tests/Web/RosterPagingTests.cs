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
        Assert.Contains("<td>0,0</td>", html); // the bounce score with a German decimal comma
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

    [Fact]
    public async Task Removing_on_a_later_page_of_a_search_asks_and_both_answers_keep_that_page_and_search()
    {
        var page = await PageAsync("?q=seite-&page=2");
        var address = Rows(page)[0];
        var kept = WebUtility.HtmlDecode(RemoveAction().Match(page).Groups[1].Value);
        Assert.Equal("?q=seite-&page=2", kept);

        using var asked = await _owner.SubmitAsync(B + "/roster?q=seite-&page=2", [new("address", address)], B + "/roster/remove" + kept);
        var question = await asked.Content.ReadAsStringAsync();
        var cancel = WebUtility.HtmlDecode(Cancel().Match(question).Groups[1].Value);
        var confirm = WebUtility.HtmlDecode(Confirm().Match(question).Groups[1].Value);
        var back = await PageAsync(cancel[(B + "/roster").Length..]);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal((B + "/roster" + kept, B + "/roster/remove" + kept), (cancel, confirm));
        Assert.Contains("1001 von 1002 Einträgen, Seite 2 von 3", back);
        Assert.Contains(address, Rows(back));

        using var response = await _owner.PostAsync(confirm,
            [new("address", address), new("confirm", "yes"), new("__RequestVerificationToken", WebSession.TokenIn(question)!)]);
        var after = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1000 von 1001 Einträgen, Seite 2 von 2", after);
        Assert.Contains("id=\"roster-search\" name=\"q\" type=\"search\" value=\"seite-\"", after);
        Assert.DoesNotContain(address, Rows(after));
    }

    [Fact]
    public async Task The_search_folds_umlauts_and_their_spellings_as_the_archive_search_does()
    {
        _daemon.Get<Integreat.Lists.Core.Abstractions.IRosterRepository>().AddMissing(
            [Member.Create(TestDaemon.Bayern, "jana@kommune.de", "Jana Müller", MemberRole.Member, DateTime.UtcNow),
             Member.Create(TestDaemon.Bayern, "theo@kommune.de", "Theo Weiß", MemberRole.Member, DateTime.UtcNow)]);

        Assert.Equal(["jana@kommune.de"], Rows(await PageAsync("?q=M%C3%BCller")));
        Assert.Equal(["jana@kommune.de"], Rows(await PageAsync("?q=MUELLER")));
        Assert.Equal(["theo@kommune.de"], Rows(await PageAsync("?q=weiss")));
    }

    [GeneratedRegex("<form method=\"post\" action=\"/admin/[^?\"]+/roster/remove(\\?[^\"]*)\" class=\"inline\" id=\"remove-form-")]
    private static partial Regex RemoveAction();

    [GeneratedRegex("<a href=\"([^\"]+)\" id=\"cancel-remove\">")]
    private static partial Regex Cancel();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\" class=\"inline\" id=\"confirm-remove-form\">")]
    private static partial Regex Confirm();

    [GeneratedRegex("<tr id=\"member-([^\"]+)\">")]
    private static partial Regex Row();

    [GeneratedRegex("<a id=\"roster-next\" href=\"/admin/[^?\"]+/roster(\\?[^\"]*)\">")]
    private static partial Regex Next();
}
