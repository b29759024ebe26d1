using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Pages;

/// <summary>Small helpers for writing HTML by hand: every text that is not a literal goes through <see cref="E"/>.</summary>
public static class Html
{
    // Umlauts stay readable in the source of the page; markup characters and controls are still encoded.
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>HTML-encodes <paramref name="text"/> for element content and quoted attribute values.</summary>
    public static string E(string? text) => Encoder.Encode(text ?? "");

    /// <summary>URL-encodes one path segment (a list address keeps its <c>@</c> readable).</summary>
    public static string Segment(string text) => Uri.EscapeDataString(text).Replace("%40", "@", StringComparison.Ordinal);

    /// <summary>The hidden antiforgery field every form carries (ASP.NET Core antiforgery; it also sets the cookie).</summary>
    public static string Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>A POST form with its antiforgery field around <paramref name="inner"/>.</summary>
    /// <param name="context">The request (for the antiforgery token).</param>
    /// <param name="action">The form's target path (already encoded).</param>
    /// <param name="id">The form's id, stable for browser tests.</param>
    /// <param name="inner">The fields and buttons (HTML).</param>
    public static string Form(HttpContext context, string action, string id, string inner)
        => $"<form method=\"post\" action=\"{action}\" id=\"{E(id)}\">{Antiforgery(context)}{inner}</form>";

    /// <summary>A submit button with a stable id.</summary>
    public static string Button(string id, string label, string name = "", string value = "")
        => $"<button type=\"submit\" id=\"{E(id)}\"" + (name.Length > 0 ? $" name=\"{E(name)}\" value=\"{E(value)}\"" : "") + $">{E(label)}</button>";

    /// <summary>A labelled text input.</summary>
    public static string Input(string id, string name, string label, string value = "", string type = "text", string extra = "")
        => $"<p><label for=\"{E(id)}\">{E(label)}</label> <input id=\"{E(id)}\" name=\"{E(name)}\" type=\"{E(type)}\" value=\"{E(value)}\"{extra}></p>";

    /// <summary>A labelled select; <paramref name="options"/> are (value, label) pairs.</summary>
    public static string Select(string id, string name, string label, IEnumerable<(string Value, string Label)> options, string selected)
        => $"<p><label for=\"{E(id)}\">{E(label)}</label> <select id=\"{E(id)}\" name=\"{E(name)}\">" +
           string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Label)}</option>")) +
           "</select></p>";

    /// <summary>A labelled checkbox that posts <c>on</c> when ticked.</summary>
    public static string Checkbox(string id, string name, string label, bool on, bool disabled = false)
        => $"<p><input type=\"checkbox\" id=\"{E(id)}\" name=\"{E(name)}\" value=\"on\"{(on ? " checked" : "")}{(disabled ? " disabled" : "")}> " +
           $"<label for=\"{E(id)}\">{E(label)}</label></p>";
}
