using Microsoft.Playwright;

namespace Integreat.Lists.EndToEnd.Tests.Web.Browser;

/// <summary>One headless Debian <c>chromium</c> driven by Playwright, shared by a test class, next to the admin
/// fixture's daemon (Bayern list holding nonmember posts, a member, a moderator and an owner).</summary>
/// <remarks>Playwright's own browser builds are never downloaded: the system browser at <see cref="ChromiumPath"/> is
/// launched (installed by <c>.ci/run</c>). Without it every test of the class fails with the reason; none is skipped.
/// Screenshots go to <see cref="ScreenshotDirectory"/>.</remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long one browser action or expectation may take; generous, for a loaded machine.</summary>
    public static readonly float TimeoutMs = (float)WebSession.Timeout.TotalMilliseconds;

    IPlaywright? _playwright;
    IBrowser? _browser;

    public AdminFixture Site { get; } = new();
    public Uri Url { get; private set; } = null!;

    /// <summary>The test artefacts: <c>TestResults/screenshots/</c> under the test assembly's output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium (.ci/run installs it).");
        await Site.InitializeAsync();
        Url = await Site.Daemon.WebUrlAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"], Timeout = TimeoutMs,
        });
    }

    /// <summary>A fresh page in its own browser context (own cookies, German).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Url.ToString(), Locale = "de-DE" });
        context.SetDefaultTimeout(TimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in as <paramref name="address"/>, on <c>/admin</c>.</summary>
    public async Task<IPage> SignInAsync(string address)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/login");
        await SignInOnAsync(page, address);
        await page.WaitForURLAsync("**/admin");
        return page;
    }

    /// <summary>Signs in on the login form <paramref name="page"/> shows, the way a person does it: the address typed,
    /// the link taken from the mail and opened, its button clicked. The page then shows where the login returns to.</summary>
    public async Task SignInOnAsync(IPage page, string address)
    {
        var before = WebSession.MailCount(Site.Smarthost, address);
        await page.GetByLabel("E-Mail-Adresse").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelde-Link anfordern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Bitte sehen Sie in Ihr Postfach")).ToBeVisibleAsync();
        var link = await WebSession.LinkAfterAsync(Site.Smarthost, address, before);
        Assert.False(string.IsNullOrEmpty(link), "no sign-in link in the mail to " + address);
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>Saves a full-page screenshot as <c>{name}.png</c> in <see cref="ScreenshotDirectory"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}
