using System.Text;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Admin;

/// <summary>Adding many addresses: <c>POST /admin/{list}/roster/import</c> (pasted <c>text</c> or an uploaded
/// <c>file</c>, CSV as for <c>members import</c>) shows what would change, and only
/// <c>POST /admin/{list}/roster/import/apply</c> (the same text) changes the roster, all or nothing
/// (<see cref="ListAdministration.Import"/>).</summary>
public static class ImportPages
{
    /// <summary>The largest text or file accepted, in bytes (a roster of some ten thousand addresses).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/admin/{list}/roster/import", (HttpContext http, string list, ListAdministration lists, IRosterFileParser parser)
            => AdminGate.Run(http, list, AdminGate.Need.Administer, async c =>
            {
                var text = await Read(await http.Request.ReadFormAsync());
                if (text is null) return RosterPage.Render(c, c.T("Die Datei ist zu groß (höchstens 1 MiB).", "The file is too large (1 MiB at most)."), 400);
                var report = lists.PreviewImport(c.List.Address, parser.Parse(new StringReader(text)));
                return Preview(c, text, report);
            }));
        group.MapPost("/admin/{list}/roster/import/apply", (HttpContext http, string list, ListAdministration lists, IRosterFileParser parser)
            => AdminGate.Run(http, list, AdminGate.Need.Administer, async c =>
            {
                var text = (await http.Request.ReadFormAsync())["text"].ToString();
                var report = lists.For(c.Actor, AdminContext.Channel).Import(c.List.Address, parser.Parse(new StringReader(text)));
                return report.Imported
                    ? RosterPage.Render(c, c.T($"{report.Added} Adressen hinzugefügt, {report.AlreadyPresent} waren schon eingetragen.",
                        $"{report.Added} addresses added, {report.AlreadyPresent} were on the roster already."))
                    : Preview(c, text, report);
            }));
    }

    static async Task<string?> Read(IFormCollection form)
    {
        if (form.Files["file"] is { Length: > 0 } file)
        {
            if (file.Length > MaxBytes) return null;
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync();
        }
        var text = form["text"].ToString();
        return text.Length > MaxBytes ? null : text;
    }

    static IResult Preview(AdminContext c, string text, ImportReport report)
    {
        var rows = string.Concat(report.Lines.Select(l =>
            $"<tr><td>{l.Line}</td><td>{Html.E(l.Text)}</td><td>{Html.E(Outcome(c, l.Outcome))}</td></tr>"));
        var table = $"<table id=\"import-preview\"><thead><tr><th scope=\"col\">{c.T("Zeile", "Line")}</th><th scope=\"col\">{c.T("Adresse", "Address")}</th>" +
                    $"<th scope=\"col\">{c.T("Ergebnis", "Outcome")}</th></tr></thead><tbody>{rows}</tbody></table>";
        if (!report.Imported)
            return AdminPage.Render(c, c.T("Vorschau", "Preview"), table,
                c.T("Diese Zeilen sind keine gültigen Adressen. Es wurde nichts geändert; bitte korrigieren Sie die Liste.",
                    "These lines are no valid addresses. Nothing was changed; please correct the list."), StatusCodes.Status400BadRequest);
        var summary = c.T($"{report.Added} Adressen werden hinzugefügt, {report.AlreadyPresent} sind schon eingetragen. Noch ist nichts geändert.",
            $"{report.Added} addresses will be added, {report.AlreadyPresent} are on the roster already. Nothing has changed yet.");
        var apply = Html.Form(c.Http, c.Base + "/roster/import/apply", "apply-import-form",
            $"<input type=\"hidden\" name=\"text\" value=\"{Html.E(text)}\">" + Html.Button("apply-import", c.T("Übernehmen", "Apply")));
        return AdminPage.Render(c, c.T("Vorschau", "Preview"), $"<p id=\"import-summary\">{Html.E(summary)}</p>" + table + apply +
            $"<p><a href=\"{c.Base}/roster\" id=\"cancel-import\">{c.T("Abbrechen", "Cancel")}</a></p>");
    }

    static string Outcome(AdminContext c, ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Added => c.T("wird hinzugefügt", "will be added"),
        ImportOutcome.AlreadyPresent => c.T("schon eingetragen", "already on the roster"),
        ImportOutcome.Forgotten => c.T("auf Wunsch gelöscht, wird übersprungen", "forgotten on request, skipped"),
        _ => c.T("ungültig", "invalid"),
    };
}
