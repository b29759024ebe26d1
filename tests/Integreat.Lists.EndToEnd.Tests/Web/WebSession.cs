using System.Net;
using System.Text.RegularExpressions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>One browser-like visitor of the web port: its own cookies, no automatic redirects, and helpers that
/// post forms with the antiforgery token of the page they came from.</summary>
public sealed partial class WebSession : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    readonly HttpClient _http;

    public WebSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }
    public HttpClient Http => _http;

    /// <summary>GETs a page; returns the status and the body.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs <paramref name="page"/>, then POSTs <paramref name="fields"/> with the page's antiforgery token
    /// to <paramref name="action"/> (default: the page itself).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var (_, html) = await GetAsync(page);
        var token = TokenIn(html) ?? throw new InvalidOperationException("no antiforgery token on " + page);
        return await PostAsync(action ?? page, fields.Append(new("__RequestVerificationToken", token)));
    }

    /// <summary>POSTs a form as is (no token added).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
        => _http.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>POSTs a multipart form (a file upload) with the page's token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string page, string action, string field, string fileName, byte[] content,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, html) = await GetAsync(page);
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(TokenIn(html)!), "__RequestVerificationToken");
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        form.Add(new ByteArrayContent(content), field, fileName);
        return await _http.PostAsync(action, form);
    }

    /// <summary>The antiforgery token in a page's first form, or null.</summary>
    public static string? TokenIn(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>Asks for a sign-in link for <paramref name="address"/> and returns the link from the mail.</summary>
    public async Task<string> RequestLinkAsync(FakeSmarthost smarthost, string address)
    {
        var before = MailCount(smarthost, address);
        using var response = await SubmitAsync("/login", [new("address", address)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await LinkAfterAsync(smarthost, address, before);
    }

    /// <summary>How many messages <paramref name="address"/> has received so far.</summary>
    public static int MailCount(FakeSmarthost smarthost, string address) => smarthost.Messages.Count(m => m.Recipients.Contains(address));

    /// <summary>Waits for a mail with a sign-in link after the <paramref name="before"/>th to <paramref name="address"/>
    /// and returns that link; other mail to the same address in between (a notice of another test) is passed over.</summary>
    public static async Task<string> LinkAfterAsync(FakeSmarthost smarthost, string address, int before)
    {
        string Link(FakeSmarthost h) => h.Messages.Where(m => m.Recipients.Contains(address)).Skip(before)
            .Select(m => LinkPattern().Match(m.ToMimeMessage().TextBody ?? "").Value).LastOrDefault(l => l.Length > 0) ?? "";
        await smarthost.WaitForAsync(h => Link(h).Length > 0, Timeout);
        return Link(smarthost);
    }

    /// <summary>Signs in as <paramref name="address"/> by the mailed link.</summary>
    public async Task SignInAsync(FakeSmarthost smarthost, string address)
    {
        var link = new Uri(await RequestLinkAsync(smarthost, address));
        using var response = await SubmitAsync(link.AbsolutePath, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/login/[0-9a-f]{64}")]
    internal static partial Regex LinkPattern();
}
