using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Integreat.Lists.Web.Admin;

/// <summary>Held posts, for moderators, owners and site admins: <c>GET /admin/{list}/held</c> (the list),
/// <c>GET /admin/{list}/held/{id}</c> (one post: reasons, headers, text), and <c>POST /admin/{list}/held/{id}</c> with
/// <c>decision</c> = approve | accept (approve and accept the sender from now on) | reject (with <c>reason</c>) | discard,
/// carried out by <see cref="HoldDecisions"/>, the same code as the <c>held</c> commands and moderation by mail.</summary>
public static class HeldPages
{
    /// <summary>The most characters of a post's text shown.</summary>
    public const int MaxTextChars = 20_000;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/admin/{list}/held", (HttpContext http, string list)
            => AdminGate.Run(http, list, AdminGate.Need.Moderate, c => List(c, null)));
        group.MapGet("/admin/{list}/held/{id}", (HttpContext http, string list, string id, IHeldPostStore holds)
            => AdminGate.Run(http, list, AdminGate.Need.Moderate, c => holds.Find(id) is { } post && post.List == c.List.Address
                ? Show(c, post) : List(c, HoldOutcome.Unknown(id), StatusCodes.Status404NotFound)));
        group.MapPost("/admin/{list}/held/{id}", (HttpContext http, string list, string id, IHeldPostStore holds, HoldDecisions decisions)
            => AdminGate.Run(http, list, AdminGate.Need.Moderate, async c =>
            {
                var form = await http.Request.ReadFormAsync();
                // A moderator of one list must not decide on another list's post by its id.
                if (holds.Find(id) is not { } post || post.List != c.List.Address) return List(c, HoldOutcome.Unknown(id), StatusCodes.Status404NotFound);
                HoldOutcome? outcome = form["decision"].ToString() switch
                {
                    "approve" => decisions.Approve(id, false, c.Actor, AdminContext.Channel),
                    "accept" => decisions.Approve(id, true, c.Actor, AdminContext.Channel),
                    "reject" => decisions.Reject(id, form["reason"].ToString(), c.Actor, AdminContext.Channel),
                    "discard" => decisions.Discard(id, c.Actor, AdminContext.Channel),
                    _ => null,
                };
                if (outcome is null) return AdminPage.Problem(c, c.T("Zurückgehaltene Nachrichten", "Held posts"), c.T("Unbekannte Entscheidung.", "Unknown decision."));
                return List(c, outcome, outcome.Done ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
            }));
    }

    static IResult List(AdminContext c, HoldOutcome? outcome, int status = StatusCodes.Status200OK)
    {
        var posts = c.Http.RequestServices.GetRequiredService<IHeldPostStore>().List(c.List.Address);
        var rows = string.Concat(posts.Select(p =>
            $"<tr id=\"held-{Html.E(p.Id)}\"><td>{WebTime.Format(p.HeldUtc, c.Ui)}</td><td>{Html.E(p.Sender)}</td>" +
            $"<td><a href=\"{c.Base}/held/{Html.Segment(p.Id)}\" id=\"show-{Html.E(p.Id)}\">{Html.E(c.T(PostName.SubjectGerman(p.Subject), PostName.SubjectEnglish(p.Subject)))}</a></td>" +
            $"<td>{Html.E(string.Join("; ", p.Reasons))}</td></tr>"));
        var body = posts.Count == 0
            ? $"<p id=\"no-held\">{c.T("Es werden keine Nachrichten zurückgehalten.", "No posts are held.")}</p>"
            : $"<table id=\"held\"><thead><tr><th scope=\"col\">{c.T("Zurückgehalten", "Held")}</th><th scope=\"col\">{c.T("Von", "From")}</th>" +
              $"<th scope=\"col\">{c.T("Betreff", "Subject")}</th><th scope=\"col\">{c.T("Gründe", "Reasons")}</th></tr></thead><tbody>{rows}</tbody></table>";
        return AdminPage.Render(c, c.T("Zurückgehaltene Nachrichten", "Held posts"), body, outcome is null ? null : c.T(outcome.German, outcome.English), status);
    }

    static IResult Show(AdminContext c, HeldPost post)
    {
        var message = Load(c.Http.RequestServices.GetRequiredService<ISpool>(), post.Id);
        // An HTML-only post is shown as text: no markup of a stranger's mail reaches the page.
        var text = message?.TextBody ?? (message?.HtmlBody is { } html ? HtmlText.ToPlain(html) : null) ?? c.T("(kein Text)", "(no text)");
        if (text.Length > MaxTextChars) text = text[..MaxTextChars] + "…";
        var facts = $"<dl id=\"held-post\"><dt>{c.T("Von", "From")}</dt><dd>{Html.E(message?.From.ToString() ?? post.Sender)}</dd>" +
                    $"<dt>{c.T("Betreff", "Subject")}</dt><dd>{Html.E(post.Subject)}</dd>" +
                    $"<dt>{c.T("Zurückgehalten", "Held")}</dt><dd>{WebTime.Format(post.HeldUtc, c.Ui)}</dd>" +
                    $"<dt>{c.T("Läuft ab", "Expires")}</dt><dd>{WebTime.Format(post.ExpiresUtc, c.Ui)}</dd>" +
                    $"<dt>{c.T("Gründe", "Reasons")}</dt><dd>{Html.E(string.Join("; ", post.Reasons))}</dd></dl>" +
                    $"<h2>{c.T("Text", "Text")}</h2><pre id=\"held-text\">{Html.E(text)}</pre>";
        var decide = Html.Form(c.Http, $"{c.Base}/held/{Html.Segment(post.Id)}", "decide-form",
            $"<h2>{c.T("Entscheiden", "Decide")}</h2><p>" +
            Html.Button("approve", c.T("Freigeben", "Approve"), "decision", "approve") + " " +
            Html.Button("approve-accept", c.T("Freigeben und Absender künftig zulassen", "Approve and accept the sender from now on"), "decision", "accept") + " " +
            Html.Button("discard", c.T("Verwerfen (ohne Nachricht)", "Discard (no notice)"), "decision", "discard") + "</p>" +
            $"<p><label for=\"reject-reason\">{c.T("Grund für die Ablehnung (geht an die absendende Person)", "Reason for rejecting (sent to the poster)")}</label><br>" +
            "<textarea id=\"reject-reason\" name=\"reason\" rows=\"3\"></textarea></p>" +
            Html.Button("reject", c.T("Ablehnen", "Reject"), "decision", "reject"));
        return AdminPage.Render(c, c.T(PostName.SubjectGerman(post.Subject), PostName.SubjectEnglish(post.Subject)), facts + decide);
    }

    static MimeMessage? Load(ISpool spool, string id)
    {
        try
        {
            using var stream = new MemoryStream(spool.Read(QueueName.Hold, id).Raw, writable: false);
            return MimeMessage.Load(stream);
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidDataException)
        {
            return null;
        }
    }
}
