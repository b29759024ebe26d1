using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Admin;

/// <summary>Subscriptions waiting for approval (lists with subscription policy <c>moderate</c>):
/// <c>GET /admin/{list}/pending</c>, and <c>POST /admin/{list}/pending</c> with <c>address</c> and <c>decision</c> =
/// approve (as <c>members approve</c>: the member gets the welcome, the owners the roster-change notice) | decline.</summary>
public static class PendingPages
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/admin/{list}/pending", (HttpContext http, string list)
            => AdminGate.Run(http, list, AdminGate.Need.Administer, c => Render(c, null)));
        group.MapPost("/admin/{list}/pending", (HttpContext http, string list, MembershipWorkflow membership, DeliveryHandoff handoff, TimeProvider time)
            => AdminGate.Run(http, list, AdminGate.Need.Administer, async c =>
            {
                var form = await http.Request.ReadFormAsync();
                var address = EmailAddress.Normalise(form["address"].ToString());
                var decision = form["decision"].ToString();
                var mails = new List<OutgoingMail>();
                var done = decision switch
                {
                    "approve" => membership.Approve(c.List, address, AdminContext.Channel, mails, c.Actor),
                    "decline" => membership.Decline(c.List, address, c.Actor, AdminContext.Channel),
                    _ => false,
                };
                var batch = $"web-approve-{time.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmss.fffffff}";
                for (var i = 0; i < mails.Count; i++)
                    handoff.Hand($"{batch}-{i:D2}", c.List, mails[i].MessageId, c.List.Addresses.Bounces, mails[i].Recipients, mails[i].Bytes);
                if (!done)
                    return Render(c, c.T($"Für {address} wartet keine Anmeldung (mehr).", $"No subscription of {address} is waiting (any more)."), StatusCodes.Status409Conflict);
                return Render(c, decision == "approve"
                    ? c.T($"{address} ist jetzt Mitglied.", $"{address} is now a member.")
                    : c.T($"Die Anmeldung von {address} wurde abgelehnt.", $"The subscription of {address} was declined."));
            }));
    }

    static IResult Render(AdminContext c, string? notice, int status = StatusCodes.Status200OK)
    {
        var waiting = c.Http.RequestServices.GetRequiredService<IPendingRequestStore>().Approvals(c.List.Address);
        var rows = string.Concat(waiting.Select(p =>
        {
            var a = Html.E(p.Address);
            return $"<tr id=\"pending-{a}\"><td>{a}</td><td>{WebTime.Format(p.CreatedUtc, c.Ui)}</td><td>" +
                   Html.Form(c.Http, c.Base + "/pending", "pending-form-" + p.Address,
                       $"<input type=\"hidden\" name=\"address\" value=\"{a}\">" +
                       $"<button type=\"submit\" id=\"approve-{a}\" name=\"decision\" value=\"approve\" aria-label=\"{Html.E(c.T($"{p.Address} aufnehmen", $"Approve {p.Address}"))}\">{c.T("Aufnehmen", "Approve")}</button> " +
                       $"<button type=\"submit\" class=\"secondary\" id=\"decline-{a}\" name=\"decision\" value=\"decline\" aria-label=\"{Html.E(c.T($"{p.Address} ablehnen", $"Decline {p.Address}"))}\">{c.T("Ablehnen", "Decline")}</button>") +
                   "</td></tr>";
        }));
        var body = waiting.Count == 0
            ? $"<p id=\"no-pending\">{c.T("Keine Anmeldung wartet auf Freigabe.", "No subscription is waiting for approval.")}</p>"
            : $"<table id=\"pending\"><thead><tr><th scope=\"col\">{c.T("Adresse", "Address")}</th><th scope=\"col\">{c.T("Bestätigt am", "Confirmed")}</th>" +
              $"<th scope=\"col\">{c.T("Entscheidung", "Decision")}</th></tr></thead><tbody>{rows}</tbody></table>";
        return AdminPage.Render(c, c.T("Anmeldungen", "Subscriptions"), body, notice, status);
    }
}
