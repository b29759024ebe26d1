using System.Net;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.EndToEnd.Tests.Web;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Archive;

/// <summary>Every archive endpoint through the real Kestrel listener: listing, thread, post (German date in
/// Europe/Berlin, sender without address), attachments, hostile HTML made harmless, search, mbox and access.</summary>
public sealed class ArchiveWebTests(ArchiveWebFixture fixture) : IClassFixture<ArchiveWebFixture>
{
    readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task The_list_page_shows_threads_newest_first_and_the_months()
    {
        var page = await Html("");

        Assert.Contains("<html lang=\"de\">", page);
        Assert.Contains("Fördermittel für Integrationskurse</a></td><td>2</td>", page);
        Assert.True(page.IndexOf("Straßenfest", StringComparison.Ordinal) < page.IndexOf("Integrationskurse", StringComparison.Ordinal));
        Assert.Contains($"<a href=\"{fixture.Base}/2026-07\">Juli 2026</a> (3 Beiträge)", page);
        Assert.DoesNotContain("Nur für Hessen", page);
    }

    [Fact]
    public async Task The_month_page_lists_its_posts_and_links_the_mbox()
    {
        var page = await Html("/2026-07");

        Assert.Contains($"href=\"{fixture.Base}/2026-07.mbox\"", page);
        Assert.Contains("Newsletter Straßenfest", page);
        Assert.Contains("Max Mustermann", page);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(fixture.Base + "/2026-13")).StatusCode);
    }

    [Fact]
    public async Task The_thread_page_lists_post_and_reply_oldest_first()
    {
        var first = fixture.Post("[Bayern] Fördermittel");
        var page = await Html("/thread/" + first.ThreadId);

        var reply = fixture.Post("AW:");
        Assert.Equal(first.ThreadId, reply.ThreadId);
        Assert.True(page.IndexOf($"/post/{first.Id}\"", StringComparison.Ordinal) < page.IndexOf($"/post/{reply.Id}\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(fixture.Base + "/thread/nothing")).StatusCode);
    }

    [Fact]
    public async Task A_post_page_shows_name_german_berlin_time_body_and_attachment_but_not_the_address()
    {
        var reply = fixture.Post("AW:");
        var page = await Html("/post/" + reply.Id);

        Assert.Contains("Max Mustermann", page);
        Assert.DoesNotContain("max@example.net", page);
        Assert.Contains("01.07.2026, 12:00 Uhr", page); // 10:00 UTC is 12:00 CEST
        Assert.Contains("Wir haben im März beantragt; das Protokoll hängt an.", page);
        Assert.Contains("Protokoll März.pdf</a> (application/pdf)", page);
    }

    [Fact]
    public async Task An_attachment_downloads_with_its_type_as_an_attachment()
    {
        var reply = fixture.Post("AW:");
        var response = await _http.GetAsync($"{fixture.Base}/post/{reply.Id}/part/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType ?? response.Headers.GetValues("Content-Disposition").First().Split(';')[0]);
        Assert.Contains("Protokoll", string.Join(";", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(ArchiveWebFixture.Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"{fixture.Base}/post/{reply.Id}/part/9")).StatusCode);
    }

    [Fact]
    public async Task A_hostile_html_post_is_rendered_harmless()
    {
        var post = fixture.Post("Straßenfest");
        var response = await _http.GetAsync($"{fixture.Base}/post/{post.Id}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("Einladung zum Straßenfest", WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", page);
        Assert.DoesNotContain("onerror", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", page);
        Assert.Contains("[Bild nicht geladen: Logo]", WebUtility.HtmlDecode(page));
        Assert.Contains($"<img src=\"{post.Id}/part/1\" alt=\"Wappen\">", page);
        Assert.Equal(ArchiveWebFixture.Png, await _http.GetByteArrayAsync($"{fixture.Base}/post/{post.Id}/part/1"));
        Assert.Contains("href=\"https://integreat.example/fest\"", page);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("img-src 'self'", policy);
    }

    [Theory]
    [InlineData("fördermittel")]
    [InlineData("FÖRDERMITTEL")]
    [InlineData("Foerdermittel")]
    [InlineData("Förder")]
    [InlineData("FOERDERM")]
    public async Task Search_finds_german_words_and_their_beginnings_whatever_the_case_or_umlaut_spelling_subject_hits_first(string word)
    {
        var page = await Html("/search?q=" + Uri.EscapeDataString(word));

        // The first post has the word in subject and body, the newer reply only in its subject: the first ranks higher.
        Assert.Contains("2 Treffer", page);
        Assert.True(page.IndexOf($"/post/{fixture.Post("[Bayern] Fördermittel").Id}\"", StringComparison.Ordinal)
                    < page.IndexOf($"/post/{fixture.Post("AW:").Id}\"", StringComparison.Ordinal));
        Assert.DoesNotContain("in Hessen", page);
    }

    [Fact]
    public async Task Search_needs_every_word_and_pages()
    {
        var page = await Html("/search?q=" + Uri.EscapeDataString("Antrage WÜRZBURG"));
        var none = await Html("/search?q=Kartoffelsalat");

        Assert.Contains("1 Treffer", page);
        Assert.Contains("Keine Treffer.", none);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(fixture.Base + "/search?q=f%C3%B6rdermittel&page=2")).StatusCode);
    }

    [Fact]
    public async Task The_mbox_of_a_month_parses_with_mimekit_into_the_months_posts()
    {
        var response = await _http.GetAsync(fixture.Base + "/2026-07.mbox");
        var parser = new MimeParser(await response.Content.ReadAsStreamAsync(), MimeFormat.Mbox);
        var subjects = new List<string>();
        while (!parser.IsEndOfStream) subjects.Add(parser.ParseMessage().Subject ?? "");

        Assert.Equal("application/mbox", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(fixture.Archive.InMonth(TestDaemon.Bayern, "2026-07").Select(p => p.Subject).Order(), subjects.Order());
        Assert.Equal(3, subjects.Count);
    }

    [Fact]
    public async Task English_is_one_switch_away()
    {
        var page = await Html("?lang=en");

        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("Search the archive", page);
        Assert.Contains("July 2026", page);
    }

    [Fact]
    public async Task A_members_archive_refuses_an_anonymous_visitor_and_an_archive_that_is_off_has_no_pages()
    {
        var hessen = await _http.GetAsync("/archive/" + ArchiveWebFixture.Hessen);
        var hessenPost = fixture.Archive.ForList(ArchiveWebFixture.Hessen).Single();
        var post = await _http.GetAsync($"/archive/{ArchiveWebFixture.Hessen}/post/{hessenPost.Id}");
        var unknown = await _http.GetAsync("/archive/nowhere@lists.integreat.example");
        var off = await _http.GetAsync("/archive/" + ArchiveWebFixture.Nrw);

        Assert.Equal(HttpStatusCode.Forbidden, hessen.StatusCode);
        Assert.Contains("href=\"/login?return=", await hessen.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain("Nur für Hessen", WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
    }

    [Fact]
    public async Task A_member_signed_in_by_mail_link_reads_the_members_archive_and_a_member_of_another_list_does_not()
    {
        var hessenPost = fixture.Archive.ForList(ArchiveWebFixture.Hessen).Single();
        using var erika = new WebSession(_http.BaseAddress!);
        using var max = new WebSession(_http.BaseAddress!);
        await erika.SignInAsync(fixture.Smarthost, "erika@example.org");
        await max.SignInAsync(fixture.Smarthost, "max@example.net");

        var (indexStatus, index) = await erika.GetAsync("/archive/" + ArchiveWebFixture.Hessen);
        var (postStatus, post) = await erika.GetAsync($"/archive/{ArchiveWebFixture.Hessen}/post/{hessenPost.Id}");
        var (refusedStatus, refused) = await max.GetAsync($"/archive/{ArchiveWebFixture.Hessen}/post/{hessenPost.Id}");

        Assert.Equal(HttpStatusCode.OK, indexStatus);
        Assert.Contains("Fördermittel in Hessen", WebUtility.HtmlDecode(index));
        Assert.Equal(HttpStatusCode.OK, postStatus);
        Assert.Contains("Nur für Hessen.", WebUtility.HtmlDecode(post));
        Assert.Equal(HttpStatusCode.Forbidden, refusedStatus);
        Assert.DoesNotContain("Nur für Hessen", WebUtility.HtmlDecode(refused));
    }

    async Task<string> Html(string path)
    {
        var response = await _http.GetAsync(fixture.Base + path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        // Pages encode everything beyond ASCII (&#xF6;); the assertions read the text as a browser shows it.
        return WebUtility.HtmlDecode(body);
    }
}
