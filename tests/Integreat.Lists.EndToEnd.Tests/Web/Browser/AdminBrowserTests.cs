using System.Text;
using Integreat.Lists.Core.Abstractions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Integreat.Lists.EndToEnd.Tests.Web.Browser;

/// <summary>The admin area in a real browser: signed in by the mailed link, acting on the pages by their labels and
/// button names only, with the effect checked in the store.</summary>
public sealed class AdminBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    const string Roster = "/admin/" + AdminFixture.Bayern + "/roster";

    [Fact]
    public async Task An_owner_uploads_a_csv_sees_the_preview_applies_it_and_finds_the_new_member_on_the_roster()
    {
        var page = await fixture.SignInAsync(AdminFixture.Owner);
        await page.GotoAsync(Roster);
        await page.GetByLabel("oder CSV-Datei hochladen").SetInputFilesAsync(new FilePayload
        {
            Name = "roster.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("name,address\r\n\"Upload, Ute\",ute@example.net\r\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau anzeigen" }).ClickAsync();

        await Expect(page.GetByText("1 Adressen werden hinzugefügt, 0 sind schon eingetragen")).ToBeVisibleAsync();
        Assert.Null(fixture.Site.Daemon.Get<IRosterRepository>().Find(AdminFixture.Bayern, "ute@example.net"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Übernehmen" }).ClickAsync();
        await Expect(page.GetByText("1 Adressen hinzugefügt")).ToBeVisibleAsync();
        await page.GetByLabel("Suchen").FillAsync("ute");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ute@example.net" })).ToContainTextAsync("Upload, Ute");
        await page.GetByLabel("Suchen").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "roster");

        Assert.Equal("Upload, Ute", fixture.Site.Daemon.Get<IRosterRepository>().Find(AdminFixture.Bayern, "ute@example.net")!.DisplayName);
    }

    [Fact]
    public async Task An_owner_clicks_remove_is_asked_cancels_once_and_then_removes_the_member()
    {
        fixture.Site.Daemon.AddMembers(["weg@example.net"]);
        var roster = fixture.Site.Daemon.Get<IRosterRepository>();
        var page = await fixture.SignInAsync(AdminFixture.Owner);
        await page.GotoAsync(Roster + "?q=weg");

        await page.GetByRole(AriaRole.Button, new() { Name = "Entfernen: weg@example.net" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mitglied entfernen?");
        await BrowserFixture.ScreenshotAsync(page, "remove-question");
        Assert.NotNull(roster.Find(AdminFixture.Bayern, "weg@example.net"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Abbrechen" }).ClickAsync();
        await Expect(page.GetByLabel("Suchen")).ToHaveValueAsync("weg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Entfernen: weg@example.net" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, entfernen" }).ClickAsync();

        await Expect(page.GetByText("weg@example.net wurde entfernt.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Suchen")).ToHaveValueAsync("weg");
        Assert.Null(roster.Find(AdminFixture.Bayern, "weg@example.net"));
    }

    [Fact]
    public async Task A_moderator_opens_a_held_post_from_the_list_and_approves_it()
    {
        var id = await fixture.Site.HoldAsync("Grillabend", "Kommt alle!\r\n");
        var page = await fixture.SignInAsync(AdminFixture.Moderator);
        await page.GotoAsync("/admin/" + AdminFixture.Bayern + "/held");

        await page.GetByRole(AriaRole.Link, new() { Name = "Grillabend" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Grillabend");
        await Expect(page.Locator("pre")).ToContainTextAsync("Kommt alle!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Freigeben", Exact = true }).ClickAsync();
        await fixture.Site.Smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.Contains(AdminFixture.Member)
            && (m.ToMimeMessage().Subject ?? "").Contains("Grillabend", StringComparison.Ordinal)), WebSession.Timeout);

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Grillabend" })).ToHaveCountAsync(0);
        Assert.Null(fixture.Site.Daemon.Get<IHeldPostStore>().Find(id));
    }
}
