using System.Net;
using System.Text.RegularExpressions;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>The language switch in every page's header: it keeps the page's search and page number, and on a page that
/// answers a form it leads to a page that can be fetched (a link is a GET), never back to the form's address.</summary>
public sealed partial class LanguageSwitchTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    const string B = "/admin/" + AdminFixture.Bayern;
    WebSession Owner => fixture.Sessions["owner"];

    static string Switch(string html)
    {
        var link = SwitchLink().Match(html);
        Assert.True(link.Success, html);
        return WebUtility.HtmlDecode(link.Groups[1].Value);
    }

    [Fact]
    public async Task A_form_s_answer_switches_on_the_page_it_shows_and_a_page_keeps_its_search()
    {
        fixture.Daemon.Get<IRosterRepository>().AddMissing([Member.Create(AdminFixture.Bayern, "sprache@example.net", "Sara Sprache", MemberRole.Member, DateTime.UtcNow)]);
        try
        {
            // The question before a removal answers POST /roster/remove; its switch must not lead there.
            using var answer = await Owner.SubmitAsync(B + "/roster?q=sprache", [new("address", "sprache@example.net")], B + "/roster/remove?q=sprache");
            var html = await answer.Content.ReadAsStringAsync();
            Assert.Contains("<h1>Mitglied entfernen?</h1>", html);
            Assert.Equal(B + "/roster?q=sprache&lang=en", Switch(html));

            var (status, english) = await Owner.GetAsync(Switch(html));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("<html lang=\"en\">", english);
            Assert.Contains("sprache@example.net", english);

            // A fetched page keeps its own query, so switching keeps the search and the page number.
            var (_, page) = await Owner.GetAsync(B + "/roster?q=sprache&page=1");
            Assert.Equal(B + "/roster?q=sprache&page=1&lang=de", Switch(page));
        }
        finally
        {
            await Owner.GetAsync(B + "/roster?lang=de");
        }
    }

    [Fact]
    public async Task A_form_without_a_page_of_its_own_switches_on_its_nearest_parent()
    {
        using var answer = await Owner.SubmitAsync(B + "/roster", [new("address", "niemand@example.net")], B + "/roster/remove");
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(B + "/roster?lang=en", Switch(html));
    }

    [GeneratedRegex("<a href=\"([^\"]*)\" lang=\"[a-z]{2}\" id=\"language-switch\">")]
    private static partial Regex SwitchLink();
}
