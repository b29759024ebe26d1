using System.Net;
using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>What owners, moderators and site admins do in the admin area, through the real Kestrel, with the effect
/// checked in the store, the audit log and the mail that reaches the fake smarthost.</summary>
public sealed class AdminFlowTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    const string B = "/admin/" + AdminFixture.Bayern;
    WebSession Owner => fixture.Sessions["owner"];
    WebSession Moderator => fixture.Sessions["moderator"];

    Member? Find(string address) => fixture.Daemon.Get<IRosterRepository>().Find(AdminFixture.Bayern, address);
    AuditEntry LastAudit() => fixture.Daemon.Get<IAuditLog>().ForList(AdminFixture.Bayern)[^1];

    static async Task<string> Ok(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        return html;
    }

    [Fact]
    public async Task An_owner_changes_the_settings_and_the_change_is_audited_as_web()
    {
        await Ok(await Owner.SubmitAsync(B + "/settings",
            [new("prefix", "[BY]"), new("reply-to", "list"), new("nonmember-action", "hold"), new("subscription-policy", "open"), new("archive", "public")]));

        var list = fixture.Daemon.Get<IListRepository>().Find(AdminFixture.Bayern)!;
        Assert.Equal(("[BY]", ReplyToPolicy.List, SubscriptionPolicy.Open, ArchivePolicy.Public),
            (list.SubjectPrefix, list.ReplyTo, list.SubscriptionPolicy, list.Archive));
        Assert.Equal((AdminFixture.Owner, "web"), (LastAudit().Actor, LastAudit().Channel));
        Assert.Contains("value=\"[BY]\"", (await Owner.GetAsync(B + "/settings")).Html);
    }

    [Fact]
    public async Task An_owner_sets_the_DMARC_mitigation()
    {
        Assert.Contains("value=\"when-required\" selected", (await Owner.GetAsync(B + "/settings")).Html);
        // The other fields as they are, so the tests sharing this list see no other change.
        var l = fixture.Daemon.Get<IListRepository>().Find(AdminFixture.Bayern)!;
        KeyValuePair<string, string>[] Form(string dmarc) => [new("prefix", l.SubjectPrefix), new("reply-to", l.ReplyTo.ToString().ToLowerInvariant()),
            new("nonmember-action", l.NonmemberAction.ToString().ToLowerInvariant()),
            new("subscription-policy", l.SubscriptionPolicy.ToString().ToLowerInvariant()), new("dmarc-mitigation", dmarc)];

        await Ok(await Owner.SubmitAsync(B + "/settings", Form("always")));
        Assert.Equal(DmarcMitigation.Always, fixture.Daemon.Get<IListRepository>().Find(AdminFixture.Bayern)!.DmarcMitigation);
        Assert.EndsWith("--dmarc-mitigation always", LastAudit().Command);
        await Ok(await Owner.SubmitAsync(B + "/settings", Form("when-required")));
    }

    [Fact]
    public async Task An_owner_adds_finds_moderates_and_removes_a_member()
    {
        await Ok(await Owner.SubmitAsync(B + "/roster", [new("address", "Neu@Example.net"), new("name", "Nora Neu")], B + "/roster/add"));
        var search = await Owner.GetAsync(B + "/roster?q=nora");
        await Ok(await Owner.SubmitAsync(B + "/roster", [new("address", "neu@example.net"), new("on", "on")], B + "/roster/moderation"));
        Assert.True(Find("neu@example.net")!.Moderated);
        await Ok(await Owner.SubmitAsync(B + "/roster", [new("address", "neu@example.net"), new("confirm", "yes")], B + "/roster/remove"));

        Assert.Contains("id=\"member-neu@example.net\"", search.Html);
        Assert.DoesNotContain("id=\"member-erika@example.org\"", search.Html);
        Assert.Null(Find("neu@example.net"));
        var audit = fixture.Daemon.Get<IAuditLog>().ForList(AdminFixture.Bayern).TakeLast(3).ToList();
        Assert.Equal(["members add neu@example.net", "set moderated neu@example.net on", "members remove neu@example.net"], audit.Select(a => a.Command));
        Assert.All(audit, a => Assert.Equal((AdminFixture.Owner, "web"), (a.Actor, a.Channel)));
    }

    [Fact]
    public async Task A_pasted_import_shows_a_preview_that_changes_nothing_until_applied()
    {
        const string text = "imp1@example.net\nerika@example.org\nimp2@example.net, Ida Import\n";

        var preview = await Ok(await Owner.SubmitAsync(B + "/roster", [new("text", text)], B + "/roster/import"));
        Assert.Null(Find("imp1@example.net"));
        Assert.Contains("2 Adressen werden hinzugefügt, 1 sind schon eingetragen", preview);
        using var apply = await Owner.PostAsync(B + "/roster/import/apply",
            [new("text", System.Net.WebUtility.HtmlDecode(Between(preview, "name=\"text\" value=\"", "\""))), new("__RequestVerificationToken", WebSession.TokenIn(preview)!)]);

        await Ok(apply);
        Assert.Equal("Ida Import", Find("imp2@example.net")!.DisplayName);
        Assert.NotNull(Find("imp1@example.net"));
    }

    [Fact]
    public async Task An_import_with_an_invalid_line_is_refused_whole()
    {
        using var response = await Owner.SubmitAsync(B + "/roster", [new("text", "gut@example.net\nkein-at-zeichen\n")], B + "/roster/import/apply");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kein-at-zeichen", await response.Content.ReadAsStringAsync());
        Assert.Null(Find("gut@example.net"));
    }

    [Fact]
    public async Task An_uploaded_csv_with_a_header_and_a_quoted_name_is_previewed_then_applied()
    {
        var csv = Encoding.UTF8.GetBytes("name,address\r\n\"Muster, Erika\",muster@example.net\r\n");

        using var upload = await Owner.UploadAsync(B + "/roster", B + "/roster/import", "file", "roster.csv", csv, []);
        var preview = await Ok(upload);
        Assert.Null(Find("muster@example.net"));
        await Ok(await Owner.SubmitAsync(B + "/roster", [new("text", System.Net.WebUtility.HtmlDecode(Between(preview, "name=\"text\" value=\"", "\"")))],
            B + "/roster/import/apply"));

        Assert.Equal("Muster, Erika", Find("muster@example.net")!.DisplayName);
    }

    [Fact]
    public async Task A_moderator_sees_a_held_post_escaped_and_approves_it_accepting_the_sender()
    {
        var id = await fixture.HoldAsync("Skript", "<script>alert(1)</script>\r\n");

        var page = await Moderator.GetAsync(B + "/held/" + id);
        await Ok(await Moderator.SubmitAsync(B + "/held/" + id, [new("decision", "accept")]));
        await fixture.Smarthost.WaitForAsync(h => h.Messages.Any(m => m.Recipients.Contains(AdminFixture.Member)
            && (m.ToMimeMessage().Subject ?? "").Contains("Skript", StringComparison.Ordinal)), WebSession.Timeout);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html);
        Assert.DoesNotContain("<script>", page.Html);
        Assert.DoesNotContain(id, fixture.Daemon.Get<ISpool>().List(QueueName.Hold));
        var list = fixture.Daemon.Get<IListRepository>().Find(AdminFixture.Bayern)!;
        var poster = Assert.Single(list.Posting.NonmemberAccept);
        Assert.StartsWith("fremd", poster);
        Assert.Equal(($"approve {id}", AdminFixture.Moderator, "web"), (LastAudit().Command, LastAudit().Actor, LastAudit().Channel));
    }

    [Fact]
    public async Task An_html_only_held_post_is_shown_as_text_without_its_markup()
    {
        var id = await fixture.HoldAsync("Bild", html: "<p>Hallo <b>Welt</b></p><img src=\"http://tracker.example/x.png\" onerror=\"alert(1)\">");

        var page = await Moderator.GetAsync(B + "/held/" + id);

        Assert.Contains("Hallo Welt", page.Html);
        Assert.DoesNotContain("tracker.example", page.Html);
        Assert.DoesNotContain("onerror", page.Html);
    }

    [Fact]
    public async Task A_rejected_held_post_tells_the_poster_the_reason()
    {
        var id = await fixture.HoldAsync("Werbung");
        var poster = fixture.Daemon.Get<IHeldPostStore>().Find(id)!.Sender;

        var page = await Ok(await Owner.SubmitAsync(B + "/held/" + id, [new("decision", "reject"), new("reason", "Bitte nur Termine")]));
        await fixture.Smarthost.WaitForAsync(h => h.Messages.Count(m => m.Recipients.Contains(poster)) == 2, WebSession.Timeout);

        // The page names the post as its moderators know it, not by its spool id.
        Assert.Contains($"Die Nachricht „Werbung“ von {poster} wurde abgelehnt.", System.Net.WebUtility.HtmlDecode(page));

        var notice = fixture.Smarthost.Messages.Last(m => m.Recipients.Contains(poster)).ToMimeMessage();
        Assert.Contains("Bitte nur Termine", notice.TextBody);
        using var again = await Owner.SubmitAsync("/logout", [new("decision", "discard")], B + "/held/" + id);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Approving_a_waiting_subscription_adds_the_member_and_sends_the_welcome()
    {
        fixture.AwaitApproval("warte@example.net");

        var page = await Owner.GetAsync(B + "/pending");
        await Ok(await Owner.SubmitAsync(B + "/pending", [new("address", "warte@example.net"), new("decision", "approve")]));
        await fixture.Smarthost.WaitForAsync(h => h.DeliveredTo.Contains("warte@example.net"), WebSession.Timeout);

        Assert.Contains("id=\"approve-warte@example.net\"", page.Html);
        Assert.NotNull(Find("warte@example.net"));
        Assert.Equal(("approve warte@example.net", AdminFixture.Owner, "web"), (LastAudit().Command, LastAudit().Actor, LastAudit().Channel));
    }

    [Fact]
    public async Task A_site_admin_creates_a_list_once()
    {
        var admin = fixture.Sessions["site admin"];

        var created = await Ok(await admin.SubmitAsync("/admin", [new("address", "sachsen@lists.integreat.example"), new("name", "Integreat Sachsen")], "/admin/lists"));
        using var twice = await admin.SubmitAsync("/admin", [new("address", "sachsen@lists.integreat.example"), new("name", "")], "/admin/lists");

        Assert.Contains("Integreat Sachsen", created);
        Assert.Equal("Integreat Sachsen", fixture.Daemon.Get<IListRepository>().Find("sachsen@lists.integreat.example")!.Name);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
    }

    [Fact]
    public async Task Posts_without_with_a_wrong_or_with_another_sessions_token_are_refused_and_change_nothing()
    {
        var before = fixture.AuditCount();
        var foreign = WebSession.TokenIn((await fixture.Sessions["member"].GetAsync("/logout")).Html)!;
        await Owner.GetAsync(B + "/roster");

        using var without = await Owner.PostAsync(B + "/roster/add", [new("address", "csrf@example.net")]);
        using var wrong = await Owner.PostAsync(B + "/roster/add", [new("address", "csrf@example.net"), new("__RequestVerificationToken", "falsch")]);
        using var other = await Owner.PostAsync(B + "/roster/add", [new("address", "csrf@example.net"), new("__RequestVerificationToken", foreign)]);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [without.StatusCode, wrong.StatusCode, other.StatusCode]);
        Assert.Null(Find("csrf@example.net"));
        Assert.Equal(before, fixture.AuditCount());
    }

    [Fact]
    public async Task The_english_switch_is_kept_in_a_cookie()
    {
        using var session = new WebSession(Owner.Http.BaseAddress!);
        await session.SignInAsync(fixture.Smarthost, AdminFixture.Owner);

        var english = await session.GetAsync("/admin?lang=en");
        var next = await session.GetAsync(B + "/roster");
        var german = await session.GetAsync("/admin?lang=de");

        Assert.Contains("<h1>My lists</h1>", english.Html);
        Assert.Contains("<html lang=\"en\">", next.Html);
        Assert.Contains("<h1>Meine Listen</h1>", german.Html);
    }

    [Fact]
    public async Task Where_moderators_are_admins_a_moderator_administers_the_roster_but_not_roles_or_owners()
    {
        var lists = fixture.Daemon.Get<IListRepository>();
        var list = lists.Find(AdminFixture.Bayern)!;
        list.ModeratorsAreAdmins = true;
        lists.Update(list);
        try
        {
            var roster = await Moderator.GetAsync(B + "/roster");
            await Ok(await Moderator.SubmitAsync(B + "/roster", [new("address", "mod-neu@example.net")], B + "/roster/add"));
            using var role = await Moderator.SubmitAsync(B + "/roster", [new("address", AdminFixture.Member), new("role", "owner")], B + "/roster/role");
            using var owner = await Moderator.SubmitAsync(B + "/roster", [new("address", AdminFixture.Owner)], B + "/roster/remove");

            Assert.Equal(HttpStatusCode.OK, roster.Status);
            Assert.DoesNotContain("id=\"role-", roster.Html);
            Assert.NotNull(Find("mod-neu@example.net"));
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (role.StatusCode, owner.StatusCode));
            Assert.Equal((MemberRole.Member, MemberRole.Owner), (Find(AdminFixture.Member)!.Role, Find(AdminFixture.Owner)!.Role));
        }
        finally
        {
            list.ModeratorsAreAdmins = false;
            lists.Update(list);
        }
    }

    [Fact]
    public async Task An_owner_enables_delivery_again_for_a_bouncing_member_and_reads_it_in_the_audit_log()
    {
        var roster = fixture.Daemon.Get<IRosterRepository>();
        fixture.Daemon.AddMembers(["prallt@example.net"]);
        var member = Find("prallt@example.net")!;
        (member.Delivery, member.BounceScore) = (DeliveryStatus.ByBounces, 5);
        roster.Update(member);

        var page = await Owner.GetAsync(B + "/roster?q=prallt");
        await Ok(await Owner.SubmitAsync(B + "/roster", [new("address", "prallt@example.net")], B + "/roster/enable"));
        var audit = await Owner.GetAsync(B + "/audit");

        Assert.Contains("aus (Bounces)", page.Html);
        Assert.Equal((DeliveryStatus.Enabled, 0.0), (Find("prallt@example.net")!.Delivery, Find("prallt@example.net")!.BounceScore));
        Assert.Contains($"<td>{AdminFixture.Owner}</td><td>web</td><td>bounces reset prallt@example.net</td><td>delivery enabled</td>", audit.Html);
    }

    static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
