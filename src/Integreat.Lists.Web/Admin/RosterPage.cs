using System.Globalization;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Admin;

/// <summary><c>GET /admin/{list}/roster?q=&amp;page=</c>: the roster (searchable by address and name, umlauts and
/// case folded, in pages of <see cref="MaxRows"/>) with each entry's role, moderation flag, delivery status and
/// bounce score, the per-entry actions, and the forms to add one address or many (pasted or uploaded CSV, previewed
/// before anything changes).</summary>
public static class RosterPage
{
    static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The most entries on one page; the others are on the next pages, and a search narrows them down.</summary>
    public const int MaxRows = 500;

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/admin/{list}/roster", (HttpContext http, string list)
            => AdminGate.Run(http, list, AdminGate.Need.Administer, c => Render(c, null)));

    /// <summary>Renders the roster page with an optional notice (and its status).</summary>
    public static IResult Render(AdminContext c, string? notice, int status = StatusCodes.Status200OK)
    {
        var query = c.Http.Request.Query["q"].ToString().Trim();
        var all = c.Http.RequestServices.GetRequiredService<IRosterRepository>().Roster(c.List.Address);
        var folded = SearchWords.Fold(query);
        // Folded as the archive search folds, so "Mueller" finds "Müller" and "weiss" finds "Weiß".
        var found = all.Where(m => query.Length == 0 || m.Address.Contains(query, StringComparison.OrdinalIgnoreCase)
                                   || SearchWords.Fold(m.DisplayName).Contains(folded, StringComparison.Ordinal)
                                   || SearchWords.Fold(m.Address).Contains(folded, StringComparison.Ordinal)).ToList();
        var pages = Math.Max(1, (found.Count + MaxRows - 1) / MaxRows);
        var page = long.TryParse(c.Http.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            ? (int)Math.Clamp(p, 1, pages) : 1;
        var rows = string.Concat(found.Skip((page - 1) * MaxRows).Take(MaxRows).Select(m => Row(c, m)));
        var search = $"<form method=\"get\" action=\"{c.Base}/roster\" id=\"roster-search-form\" role=\"search\">" +
                     $"<p><label for=\"roster-search\">{c.T("Suchen", "Search")}</label> <input id=\"roster-search\" name=\"q\" type=\"search\" value=\"{Html.E(query)}\"> " +
                     Html.Button("roster-search-button", c.T("Suchen", "Search")) + "</p></form>";
        var caption = c.T($"{found.Count} von {all.Count} Einträgen", $"{found.Count} of {all.Count} entries")
                      + (pages > 1 ? c.T($", Seite {page} von {pages}", $", page {page} of {pages}") : "");
        var table = $"<table id=\"roster\"><caption>{Html.E(caption)}</caption><thead><tr>" +
                    $"<th scope=\"col\">{c.T("Adresse", "Address")}</th><th scope=\"col\">{c.T("Name", "Name")}</th><th scope=\"col\">{c.T("Rolle", "Role")}</th>" +
                    $"<th scope=\"col\">{c.T("Moderiert", "Moderated")}</th><th scope=\"col\">{c.T("Zustellung", "Delivery")}</th>" +
                    $"<th scope=\"col\">{c.T("Bounce-Wert", "Bounce score")}</th><th scope=\"col\">{c.T("Aktionen", "Actions")}</th></tr></thead><tbody>{rows}</tbody></table>";
        return AdminPage.Render(c, c.T("Mitglieder", "Members"), search + table + Pager(c, query, page, pages) + AddForm(c) + ImportForm(c),
            notice, status);
    }

    /// <summary>The search and page of this request as a query string (HTML-encoded), so that the page an action
    /// answers with is the one the action was taken on.</summary>
    internal static string Kept(AdminContext c)
    {
        var kept = new[] { "q", "page" }.Select(k => (Key: k, Value: c.Http.Request.Query[k].ToString().Trim()))
            .Where(k => k.Value.Length > 0).Select(k => k.Key + "=" + Uri.EscapeDataString(k.Value)).ToList();
        return kept.Count == 0 ? "" : "?" + string.Join("&amp;", kept);
    }

    /// <summary>Links to the previous and next page, keeping the search.</summary>
    static string Pager(AdminContext c, string query, int page, int pages)
    {
        if (pages == 1) return "";
        string Link(string id, int to, string label)
            => $"<a id=\"{id}\" href=\"{c.Base}/roster?{(query.Length > 0 ? "q=" + Uri.EscapeDataString(query) + "&amp;" : "")}page={to}\">{Html.E(label)}</a>";
        var previous = page > 1 ? Link("roster-previous", page - 1, c.T("Vorherige Seite", "Previous page")) : "";
        var next = page < pages ? Link("roster-next", page + 1, c.T("Nächste Seite", "Next page")) : "";
        return $"<nav aria-label=\"{Html.E(c.T("Seiten", "Pages"))}\"><p>{previous} {next}</p></nav>";
    }

    static string Row(AdminContext c, Member m)
    {
        var a = Html.E(m.Address);
        var actions = Action(c, "moderation", "moderate", m.Address, m.Moderated ? "off" : "on",
            m.Moderated ? c.T("Nicht mehr moderieren", "Stop moderating") : c.T("Moderieren", "Moderate"));
        if (m.Delivery != DeliveryStatus.Enabled || m.BounceScore > 0)
            actions += Action(c, "enable", "enable", m.Address, "", c.T("Zustellung einschalten", "Enable delivery"));
        if (m.Role == MemberRole.Member || c.Access.CanChangeRoles)
            actions += Action(c, "remove", "remove", m.Address, "", c.T("Entfernen", "Remove"));
        if (c.Access.CanChangeRoles)
            actions += $"<form method=\"post\" action=\"{c.Base}/roster/role{Kept(c)}\" class=\"inline\" id=\"role-form-{a}\">{Html.Antiforgery(c.Http)}" +
                       $"<input type=\"hidden\" name=\"address\" value=\"{a}\"><label for=\"role-{a}\">{c.T("Rolle", "Role")}</label> " +
                       $"<select id=\"role-{a}\" name=\"role\">{Options(c, m.Role)}</select> " +
                       $"<button type=\"submit\" id=\"set-role-{a}\" aria-label=\"{Html.E(c.T($"Rolle von {m.Address} setzen", $"Set role of {m.Address}"))}\">{c.T("Setzen", "Set")}</button></form>";
        return $"<tr id=\"member-{a}\"><td>{a}</td><td>{Html.E(m.DisplayName)}</td><td>{Html.E(RoleName(c, m.Role))}</td>" +
               $"<td>{(m.Moderated ? c.T("ja", "yes") : c.T("nein", "no"))}</td><td>{Html.E(Delivery(c, m.Delivery))}</td>" +
               $"<td>{c.T(m.BounceScore.ToString("0.0", German), m.BounceScore.ToString("0.0", CultureInfo.InvariantCulture))}</td><td>{actions}</td></tr>";
    }

    static string Action(AdminContext c, string path, string id, string address, string on, string label)
    {
        var a = Html.E(address);
        return $"<form method=\"post\" action=\"{c.Base}/roster/{path}{Kept(c)}\" class=\"inline\" id=\"{id}-form-{a}\">{Html.Antiforgery(c.Http)}" +
               $"<input type=\"hidden\" name=\"address\" value=\"{a}\">" + (on.Length > 0 ? $"<input type=\"hidden\" name=\"on\" value=\"{on}\">" : "") +
               $"<button type=\"submit\" id=\"{id}-{a}\" aria-label=\"{Html.E(label + ": " + address)}\">{Html.E(label)}</button></form> ";
    }

    static string AddForm(AdminContext c)
        => $"<h2>{c.T("Eine Adresse hinzufügen", "Add one address")}</h2>" + Html.Form(c.Http, c.Base + "/roster/add", "add-member-form",
            Html.Input("add-address", "address", c.T("Adresse", "Address"), type: "email", extra: " required") +
            Html.Input("add-name", "name", c.T("Name (freiwillig)", "Name (optional)")) +
            (c.Access.CanChangeRoles ? $"<p><label for=\"add-role\">{c.T("Rolle", "Role")}</label> <select id=\"add-role\" name=\"role\">{Options(c, MemberRole.Member)}</select></p>" : "") +
            Html.Button("add-member", c.T("Hinzufügen", "Add")));

    static string ImportForm(AdminContext c)
        => $"<h2>{c.T("Viele Adressen hinzufügen", "Add many addresses")}</h2>" +
           $"<p>{c.T("Eine Adresse pro Zeile, wahlweise mit Komma und Name (CSV: address,name). Sie sehen zuerst eine Vorschau; geändert wird erst danach.", "One address per line, optionally a comma and a name (CSV: address,name). You see a preview first; nothing changes before you confirm.")}</p>" +
           $"<form method=\"post\" action=\"{c.Base}/roster/import\" id=\"import-form\" enctype=\"multipart/form-data\">{Html.Antiforgery(c.Http)}" +
           $"<p><label for=\"import-text\">{c.T("Adressen einfügen", "Paste addresses")}</label><br><textarea id=\"import-text\" name=\"text\" rows=\"6\"></textarea></p>" +
           $"<p><label for=\"import-file\">{c.T("oder CSV-Datei hochladen", "or upload a CSV file")}</label> <input id=\"import-file\" name=\"file\" type=\"file\" accept=\".csv,text/csv,text/plain\"></p>" +
           Html.Button("preview-import", c.T("Vorschau anzeigen", "Show preview")) + "</form>";

    static string Options(AdminContext c, MemberRole selected)
        => string.Concat(new[] { MemberRole.Member, MemberRole.Moderator, MemberRole.Owner }.Select(r =>
            $"<option value=\"{r.ToString().ToLowerInvariant()}\"{(r == selected ? " selected" : "")}>{Html.E(RoleName(c, r))}</option>"));

    /// <summary>A role's name in the page language.</summary>
    public static string RoleName(AdminContext c, MemberRole role) => role switch
    {
        MemberRole.Owner => c.T("Verantwortlich", "Owner"),
        MemberRole.Moderator => c.T("Moderation", "Moderator"),
        _ => c.T("Mitglied", "Member"),
    };

    static string Delivery(AdminContext c, DeliveryStatus status) => status switch
    {
        DeliveryStatus.ByBounces => c.T("aus (Bounces)", "off (bounces)"),
        DeliveryStatus.ByComplaint => c.T("aus (Beschwerde)", "off (complaint)"),
        _ => c.T("an", "on"),
    };
}
