using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Admin;

/// <summary><c>GET /admin/{list}/audit</c>: the list's audit log, newest first (at most <see cref="MaxRows"/> entries),
/// with who, through which channel (<c>mail</c>, <c>cli</c>, <c>web</c>), what and with what result.</summary>
public static class AuditPage
{
    /// <summary>The most entries shown.</summary>
    public const int MaxRows = 500;

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder group)
        => group.MapGet("/admin/{list}/audit", (HttpContext http, string list, IAuditLog audit)
            => AdminGate.Run(http, list, AdminGate.Need.Administer, c =>
            {
                var entries = audit.ForList(c.List.Address).Reverse().Take(MaxRows);
                var rows = string.Concat(entries.Select(e =>
                    $"<tr><td>{WebTime.Format(e.TimeUtc, c.Ui)}</td><td>{Html.E(e.Actor)}</td><td>{Html.E(e.Channel)}</td>" +
                    $"<td>{Html.E(e.Command)}</td><td>{Html.E(e.Result)}</td></tr>"));
                return AdminPage.Render(c, c.T("Protokoll", "Audit log"),
                    $"<table id=\"audit\"><thead><tr><th scope=\"col\">{c.T("Zeit", "Time")}</th><th scope=\"col\">{c.T("Wer", "Who")}</th>" +
                    $"<th scope=\"col\">{c.T("Weg", "Channel")}</th><th scope=\"col\">{c.T("Befehl", "Command")}</th>" +
                    $"<th scope=\"col\">{c.T("Ergebnis", "Result")}</th></tr></thead><tbody>{rows}</tbody></table>");
            }));
}
