using System.Net;
using System.Text.RegularExpressions;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>Removing from the roster in the admin area asks first: the first POST only shows the question, the POST
/// of the question's own form removes; the rights and the antiforgery check hold on both steps.</summary>
public sealed partial class RemoveConfirmTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    const string B = "/admin/" + AdminFixture.Bayern;
    WebSession Owner => fixture.Sessions["owner"];
    WebSession Moderator => fixture.Sessions["moderator"];

    Member? Find(string address) => fixture.Daemon.Get<IRosterRepository>().Find(AdminFixture.Bayern, address);

    void Add(string address, string? name, MemberRole role = MemberRole.Member)
        => fixture.Daemon.Get<IRosterRepository>().AddMissing([Member.Create(AdminFixture.Bayern, address, name, role, DateTime.UtcNow)]);

    static async Task<(HttpStatusCode Status, string Html)> Read(HttpResponseMessage response)
    {
        using (response) return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the question page's "Ja, entfernen" form as a browser would: its action, its hidden fields, its token.</summary>
    async Task<(HttpStatusCode Status, string Html)> ConfirmAsync(WebSession session, string question)
    {
        var form = ConfirmForm().Match(question);
        Assert.True(form.Success, question);
        var fields = Hidden().Matches(form.Groups[2].Value)
            .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        return await Read(await session.PostAsync(WebUtility.HtmlDecode(form.Groups[1].Value), fields));
    }

    [Fact]
    public async Task The_first_post_only_asks_and_the_question_s_own_form_removes_and_audits()
    {
        Add("frage@example.net", "Fritz Frage");
        var before = fixture.AuditCount();

        var question = await Read(await Owner.SubmitAsync(B + "/roster", [new("address", "Frage@Example.net")], B + "/roster/remove"));

        Assert.Equal(HttpStatusCode.OK, question.Status);
        Assert.Contains("<h1>Mitglied entfernen?</h1>", question.Html);
        Assert.Contains("<dd>frage@example.net</dd>", question.Html);
        Assert.Contains("<dd>Fritz Frage</dd>", question.Html);
        Assert.Contains("keine Nachrichten der Liste mehr. Es wird keine Abschiedsmail verschickt", question.Html);
        Assert.DoesNotContain("id=\"remove-role\"", question.Html);
        Assert.Contains("<input type=\"hidden\" name=\"confirm\" value=\"yes\">", question.Html);
        Assert.Contains($"<a href=\"{B}/roster\" id=\"cancel-remove\">Abbrechen</a>", question.Html);
        Assert.NotNull(Find("frage@example.net"));
        Assert.Equal(before, fixture.AuditCount());

        var removed = await ConfirmAsync(Owner, question.Html);

        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Contains("frage@example.net wurde entfernt.", removed.Html);
        Assert.Null(Find("frage@example.net"));
        var audit = fixture.Daemon.Get<IAuditLog>().ForList(AdminFixture.Bayern);
        Assert.Equal(before + 1, audit.Count);
        Assert.Equal(("members remove frage@example.net", AdminFixture.Owner, "web"), (audit[^1].Command, audit[^1].Actor, audit[^1].Channel));
    }

    [Fact]
    public async Task The_question_names_an_owner_s_role_and_speaks_English_when_asked()
    {
        Add("zweite-chefin@example.net", null, MemberRole.Owner);
        try
        {
            var question = await Read(await Owner.SubmitAsync(B + "/roster", [new("address", "zweite-chefin@example.net")], B + "/roster/remove?lang=en"));

            Assert.Equal(HttpStatusCode.OK, question.Status);
            Assert.Contains("<h1>Remove member?</h1>", question.Html);
            Assert.Contains("<dt>Role</dt><dd>Owner</dd>", question.Html);
            Assert.Contains("This also ends the role “Owner” on this list.", question.Html);
            Assert.Contains("No goodbye mail is sent", question.Html);
            Assert.DoesNotContain("<dt>Name</dt>", question.Html);
            Assert.Contains("id=\"confirm-remove\">Yes, remove</button>", question.Html);
            Assert.Equal(MemberRole.Owner, Find("zweite-chefin@example.net")!.Role);
        }
        finally
        {
            await Owner.GetAsync(B + "/roster?lang=de");
        }
    }

    [Fact]
    public async Task A_moderator_who_administers_the_list_is_refused_both_steps_for_an_owner_but_asked_for_a_member()
    {
        Add("mitglied-mod@example.net", null);
        var lists = fixture.Daemon.Get<IListRepository>();
        var list = lists.Find(AdminFixture.Bayern)!;
        list.ModeratorsAreAdmins = true;
        lists.Update(list);
        try
        {
            var before = fixture.AuditCount();
            var ask = await Read(await Moderator.SubmitAsync(B + "/roster", [new("address", AdminFixture.Owner)], B + "/roster/remove"));
            var confirmed = await Read(await Moderator.SubmitAsync(B + "/roster",
                [new("address", AdminFixture.Owner), new("confirm", "yes")], B + "/roster/remove"));
            var member = await Read(await Moderator.SubmitAsync(B + "/roster", [new("address", "mitglied-mod@example.net")], B + "/roster/remove"));

            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (ask.Status, confirmed.Status));
            Assert.DoesNotContain("confirm-remove-form", ask.Html);
            Assert.Equal(MemberRole.Owner, Find(AdminFixture.Owner)!.Role);
            Assert.Equal(before, fixture.AuditCount());
            Assert.Equal(HttpStatusCode.OK, member.Status);
            Assert.Contains("id=\"confirm-remove-form\"", member.Html);
        }
        finally
        {
            list.ModeratorsAreAdmins = false;
            lists.Update(list);
        }
    }

    [Fact]
    public async Task Without_a_valid_token_neither_step_runs_and_a_get_removes_nothing()
    {
        Add("bleibt@example.net", null);
        var before = fixture.AuditCount();
        await Owner.GetAsync(B + "/roster");

        using var ask = await Owner.PostAsync(B + "/roster/remove", [new("address", "bleibt@example.net")]);
        using var confirmed = await Owner.PostAsync(B + "/roster/remove", [new("address", "bleibt@example.net"), new("confirm", "yes")]);
        using var wrong = await Owner.PostAsync(B + "/roster/remove",
            [new("address", "bleibt@example.net"), new("confirm", "yes"), new("__RequestVerificationToken", "falsch")]);
        using var get = await Owner.Http.GetAsync(B + "/roster/remove?address=bleibt%40example.net&confirm=yes");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [ask.StatusCode, confirmed.StatusCode, wrong.StatusCode]);
        Assert.Contains("Formular abgelaufen", await confirmed.Content.ReadAsStringAsync());
        Assert.False(get.IsSuccessStatusCode, get.StatusCode.ToString());
        Assert.NotNull(Find("bleibt@example.net"));
        Assert.Equal(before, fixture.AuditCount());
    }

    [Fact]
    public async Task An_address_not_on_the_roster_is_reported_in_German_on_one_line()
    {
        var answer = await Read(await Owner.SubmitAsync(B + "/roster", [new("address", "niemand@example.net")], B + "/roster/remove"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains($"id=\"notice\" role=\"alert\">niemand@example.net ist nicht auf der Liste {AdminFixture.Bayern} eingetragen.</p>", answer.Html);
    }

    [Fact]
    public async Task Confirming_twice_removes_once_and_the_second_answer_is_no_error()
    {
        Add("doppelt@example.net", null);
        var before = fixture.AuditCount();
        var question = await Read(await Owner.SubmitAsync(B + "/roster", [new("address", "doppelt@example.net")], B + "/roster/remove"));

        var first = await ConfirmAsync(Owner, question.Html);
        var second = await ConfirmAsync(Owner, question.Html);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Contains("doppelt@example.net wurde entfernt.", first.Html);
        Assert.Contains("id=\"notice\" role=\"status\">doppelt@example.net ist nicht mehr auf der Liste eingetragen; es gibt nichts mehr zu tun.</p>", second.Html);
        Assert.Null(Find("doppelt@example.net"));
        Assert.Equal(before + 1, fixture.AuditCount());
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\" class=\"inline\" id=\"confirm-remove-form\">(.*?)</form>")]
    private static partial Regex ConfirmForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex Hidden();
}
