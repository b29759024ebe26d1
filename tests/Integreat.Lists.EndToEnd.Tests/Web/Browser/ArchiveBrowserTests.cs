using System.Text.RegularExpressions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Integreat.Lists.EndToEnd.Tests.Web.Browser;

/// <summary>The members-only archive in a real browser: a member is sent to sign in, comes back, browses a thread
/// and searches, by link names and labels only.</summary>
public sealed class ArchiveBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Archive = "/archive/" + AdminFixture.Bayern;

    [Fact]
    public async Task A_member_signs_in_from_the_archive_browses_a_thread_and_finds_a_post_by_search()
    {
        await PostAsync(Messages.Post(AdminFixture.Member, "Radtour an der Isar", "Wer kommt am Samstag mit?\r\n"));
        await PostAsync(Messages.Post(AdminFixture.Owner, "Re: Radtour an der Isar", "Ich bringe die Brotzeit mit.\r\n"));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Archive);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Anmelden" }).ClickAsync();
        await fixture.SignInOnAsync(page, AdminFixture.Member);

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Archive) + "$"));
        await BrowserFixture.ScreenshotAsync(page, "archive");
        await page.GetByRole(AriaRole.Link, new() { Name = "Radtour an der Isar" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Radtour an der Isar");
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "archive-thread");
        await page.GetByLabel("Im Archiv suchen").FillAsync("Brotzeit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suche", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 Treffer");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Radtour an der Isar" }).ClickAsync();
        await Expect(page.GetByText("Ich bringe die Brotzeit mit.")).ToBeVisibleAsync();
    }

    async Task PostAsync(MimeKit.MimeMessage post)
    {
        var sender = post.From.Mailboxes.Single().Address;
        await fixture.Site.Daemon.PostAsync(post, sender, AdminFixture.Bayern);
        // Delivered means archived: the archive takes each post as it is distributed.
        await fixture.Site.Smarthost.WaitForAsync(h => h.Messages.Any(m => m.ToMimeMessage().MessageId == post.MessageId), WebSession.Timeout);
    }
}
