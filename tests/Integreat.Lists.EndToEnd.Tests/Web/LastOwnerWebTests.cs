using System.Net;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>The admin area's roster keeps the list's only owner (<see cref="AdminFixture.Owner"/>): neither removing it
/// (asked or confirmed) nor changing its role goes through; the refusal is the German line of the mail command, and
/// nothing is changed or audited. With a second owner the role change works.</summary>
public sealed class LastOwnerWebTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    const string B = "/admin/" + AdminFixture.Bayern;
    const string Refusal = "id=\"notice\" role=\"alert\">" + AdminFixture.Owner +
        " ist die einzige verantwortliche Adresse der Liste. Bitte tragen Sie zuerst eine weitere Adresse mit der Rolle „Verantwortlich“ ein.</p>";

    IRosterRepository Roster => fixture.Daemon.Get<IRosterRepository>();

    static async Task<(HttpStatusCode Status, string Html)> Read(HttpResponseMessage response)
    {
        using (response) return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Removing_the_only_owner_is_refused_in_German_before_and_after_the_question()
    {
        var before = fixture.AuditCount();

        var asked = await Read(await fixture.Sessions["owner"].SubmitAsync(B + "/roster",
            [new("address", AdminFixture.Owner)], B + "/roster/remove"));
        var confirmed = await Read(await fixture.Sessions["site admin"].SubmitAsync(B + "/roster",
            [new("address", AdminFixture.Owner), new("confirm", "yes")], B + "/roster/remove"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (asked.Status, confirmed.Status));
        Assert.Contains(Refusal, asked.Html);
        Assert.DoesNotContain("confirm-remove-form", asked.Html);
        Assert.Contains(Refusal, confirmed.Html);
        Assert.Equal(MemberRole.Owner, Roster.Find(AdminFixture.Bayern, AdminFixture.Owner)?.Role);
        Assert.Equal(before, fixture.AuditCount());
    }

    [Fact]
    public async Task The_only_owner_keeps_the_role_until_a_second_owner_is_there()
    {
        var before = fixture.AuditCount();

        var refused = await Read(await fixture.Sessions["site admin"].SubmitAsync(B + "/roster",
            [new("address", AdminFixture.Owner), new("role", "moderator")], B + "/roster/role"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Refusal, refused.Html);
        Assert.Equal(MemberRole.Owner, Roster.Find(AdminFixture.Bayern, AdminFixture.Owner)?.Role);
        Assert.Equal(before, fixture.AuditCount());

        fixture.Daemon.AddMembers(["zweite-chefin@example.org"], MemberRole.Owner);
        try
        {
            var changed = await Read(await fixture.Sessions["site admin"].SubmitAsync(B + "/roster",
                [new("address", "zweite-chefin@example.org"), new("role", "member")], B + "/roster/role"));

            Assert.Equal(HttpStatusCode.OK, changed.Status);
            Assert.Contains("Die Rolle wurde geändert.", changed.Html);
            Assert.Equal(MemberRole.Member, Roster.Find(AdminFixture.Bayern, "zweite-chefin@example.org")?.Role);
        }
        finally
        {
            Roster.Remove(AdminFixture.Bayern, "zweite-chefin@example.org");
        }
    }
}
