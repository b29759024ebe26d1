using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Admin;

/// <summary><c>GET/POST /admin/{list}/settings</c>: subject prefix, Reply-To, nonmember action, subscription policy, archive,
/// DMARC mitigation and
/// (owners and site admins only) whether moderators are admins; through <see cref="ListAdministration.ChangeList"/>.</summary>
public static class SettingsPages
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/admin/{list}/settings", (HttpContext http, string list)
            => AdminGate.Run(http, list, AdminGate.Need.Administer, c => Show(c, null)));
        group.MapPost("/admin/{list}/settings", (HttpContext http, string list, ListAdministration lists, IAuditLog audit, TimeProvider time)
            => AdminGate.Run(http, list, AdminGate.Need.Administer, async c =>
            {
                var form = await http.Request.ReadFormAsync();
                if (!Enum.TryParse<ReplyToPolicy>(form["reply-to"], true, out var replyTo)
                    || !Enum.TryParse<NonmemberAction>(form["nonmember-action"], true, out var nonmember)
                    || !Enum.TryParse<SubscriptionPolicy>(form["subscription-policy"], true, out var policy)
                    || !TryArchive(form["archive"].ToString(), c.List.Archive, out var archive))
                    return AdminPage.Problem(c, c.T("Einstellungen", "Settings"), c.T("Ein Wert ist ungültig.", "A value is invalid."));
                var prefix = form["prefix"].ToString().Trim();
                bool? moderatorsAreAdmins = c.Access.CanChangeRoles ? form["moderators-are-admins"] == "on" : null;
                // Absent from older forms: then the DMARC setting stays as it is.
                DmarcMitigation? dmarc = Enum.TryParse<DmarcMitigation>(form["dmarc-mitigation"].ToString().Replace("-", "", StringComparison.Ordinal), true, out var d) ? d : null;
                var changed = lists.ChangeList(c.List.Address, new ListChanges(prefix, replyTo, nonmember, policy)
                    { ModeratorsAreAdmins = moderatorsAreAdmins, DmarcMitigation = dmarc, Archive = archive });
                var command = $"lists set --subject-prefix \"{prefix}\" --reply-to {Word(replyTo)} --nonmember-action {Word(nonmember)} " +
                              $"--subscription-policy {Word(policy)} --archive {Word(archive)}" + (moderatorsAreAdmins is { } m ? $" --moderators-are-admins {(m ? "on" : "off")}" : "") +
                              (dmarc is { } dm ? $" --dmarc-mitigation {Kebab(dm)}" : "");
                audit.Add(AuditEntry.Create(changed.Address, time.GetUtcNow().UtcDateTime, c.Actor, AdminContext.Channel, command, "changed"));
                return Show(c with { List = changed }, c.T("Die Einstellungen wurden gespeichert.", "The settings were saved."));
            }));
    }

    static IResult Show(AdminContext c, string? notice)
    {
        var l = c.List;
        var inner =
            Html.Input("subject-prefix", "prefix", c.T("Betreff-Präfix", "Subject prefix"), l.SubjectPrefix) +
            Html.Select("reply-to", "reply-to", c.T("Antworten gehen an (Reply-To)", "Replies go to (Reply-To)"),
                [("none", c.T("unverändert lassen", "leave as it is")), ("poster", c.T("die absendende Person", "the poster")), ("list", c.T("die Liste", "the list"))],
                Word(l.ReplyTo)) +
            Html.Select("nonmember-action", "nonmember-action", c.T("Nachrichten von Nicht-Mitgliedern", "Posts from nonmembers"),
                [("reject", c.T("ablehnen (mit Hinweis)", "reject (with a notice)")), ("hold", c.T("zurückhalten zur Prüfung", "hold for moderation")),
                 ("discard", c.T("verwerfen (ohne Hinweis)", "discard (no notice)")), ("accept", c.T("verteilen", "distribute"))],
                Word(l.NonmemberAction)) +
            Html.Select("subscription-policy", "subscription-policy", c.T("Anmeldung per E-Mail", "Joining by e-mail"),
                [("open", c.T("offen (nach Bestätigung)", "open (after confirmation)")), ("moderate", c.T("mit Freigabe durch Verantwortliche", "approved by the owners")),
                 ("closed", c.T("geschlossen", "closed"))],
                Word(l.SubscriptionPolicy)) +
            Html.Select("archive", "archive", c.T("Archiv", "Archive"),
                [("members", c.T("nur für Mitglieder", "members only")), ("public", c.T("öffentlich", "public")), ("off", c.T("kein Archiv", "no archive"))],
                Word(l.Archive)) +
            Html.Select("dmarc-mitigation", "dmarc-mitigation", c.T("Absender durch die Liste ersetzen (DMARC)", "Send as the list (DMARC)"),
                [("when-required", c.T("wenn die Domain der Person es verlangt", "when the poster's domain requires it")),
                 ("always", c.T("immer", "always")), ("never", c.T("nie", "never"))],
                Kebab(l.DmarcMitigation)) +
            Html.Checkbox("moderators-are-admins", "moderators-are-admins",
                c.T("Moderatoren dürfen die Liste verwalten (außer Rollen)", "Moderators may administer the list (except roles)"),
                l.ModeratorsAreAdmins, disabled: !c.Access.CanChangeRoles) +
            Html.Button("save-settings", c.T("Speichern", "Save"));
        return AdminPage.Render(c, c.T("Einstellungen", "Settings"), Html.Form(c.Http, c.Base + "/settings", "settings-form", inner), notice);
    }

    /// <summary>The DMARC setting as the CLI writes it: <c>when-required</c>, <c>always</c>, <c>never</c>.</summary>
    static string Kebab(DmarcMitigation value) => value == DmarcMitigation.WhenRequired ? "when-required" : Word(value);

    /// <summary>The archive policy of the form; a form without the field keeps <paramref name="current"/>.</summary>
    static bool TryArchive(string value, ArchivePolicy current, out ArchivePolicy archive)
    {
        archive = current;
        return value.Length == 0 || Enum.TryParse(value, true, out archive);
    }

    /// <summary>An enum value as the CLI and the form write it: lower case.</summary>
    static string Word<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();
}
