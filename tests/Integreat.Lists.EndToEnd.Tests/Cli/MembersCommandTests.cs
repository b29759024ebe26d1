using Integreat.Lists.Core.Commands;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

public sealed class MembersCommandTests : IDisposable
{
    const string Bayern = "bayern@lists.example.org";
    readonly CliSandbox _sandbox = new();

    public MembersCommandTests() => _sandbox.RunAsync("lists", "create", Bayern).GetAwaiter().GetResult().AssertSuccess();

    [Fact]
    public async Task Add_reports_each_address_and_list_prints_addresses_with_roles_but_no_names()
    {
        (await _sandbox.RunAsync("members", "add", Bayern, "max@example.org")).AssertSuccess();

        var added = (await _sandbox.RunAsync("members", "add", Bayern, "Erika@Example.org", "max@example.org", "--name", "E", "--role", "owner"))
            .AssertSuccess();

        Assert.Equal(["added erika@example.org", "already a member: max@example.org"], added.OutLines);
        Assert.Equal(["erika@example.org\towner", "max@example.org"], (await _sandbox.RunAsync("members", "list", Bayern)).AssertSuccess().OutLines);
    }

    [Fact]
    public async Task Add_with_an_invalid_address_adds_none()
    {
        var line = (await _sandbox.RunAsync("members", "add", Bayern, "erika@example.org", "foo")).AssertBadInput();

        Assert.Equal("error: 'foo' is not a valid address", line);
        Assert.Empty((await _sandbox.RunAsync("members", "list", Bayern)).OutLines);
    }

    [Fact]
    public async Task Add_to_an_unknown_list_is_bad_input()
        => Assert.Equal("error: no list nrw@lists.example.org",
            (await _sandbox.RunAsync("members", "add", "nrw@lists.example.org", "erika@example.org")).AssertBadInput());

    [Fact]
    public async Task Remove_takes_the_address_off_the_roster()
    {
        await _sandbox.RunAsync("members", "add", Bayern, "erika@example.org", "max@example.org");

        (await _sandbox.RunAsync("members", "remove", Bayern, "erika@example.org")).AssertSuccess();

        Assert.Equal(["max@example.org"], (await _sandbox.RunAsync("members", "list", Bayern)).OutLines);
    }

    [Fact]
    public async Task Remove_of_a_nonmember_is_bad_input()
        => Assert.Equal($"error: erika@example.org is not a member of {Bayern}",
            (await _sandbox.RunAsync("members", "remove", Bayern, "erika@example.org")).AssertBadInput());

    [Fact]
    public async Task Remove_of_the_only_owner_is_bad_input_and_the_owner_stays()
    {
        await _sandbox.RunAsync("members", "add", Bayern, "chefin@example.org", "--role", "owner");

        Assert.Equal("error: chefin@example.org is the list's only owner; please add another owner first",
            (await _sandbox.RunAsync("members", "remove", Bayern, "chefin@example.org")).AssertBadInput());

        Assert.Equal(["chefin@example.org\towner"], (await _sandbox.RunAsync("members", "list", Bayern)).OutLines);
    }

    [Fact]
    public async Task Approve_subscribes_a_confirmed_address_waiting_for_approval()
    {
        using (var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath))
        {
            new LitePendingRequestStore(store).Save(new PendingRequest
            {
                Id = PendingRequest.ApprovalKey(Bayern, "neu@example.org"), List = Bayern, Address = "neu@example.org",
                Action = PendingAction.Approval, CreatedUtc = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), ExpiresUtc = DateTime.MaxValue,
            });
        }

        Assert.Equal(["neu@example.org\t2026-11-02T09:00:00Z"], (await _sandbox.RunAsync("members", "pending", Bayern)).AssertSuccess().OutLines);
        Assert.Equal(["approved neu@example.org"], (await _sandbox.RunAsync("members", "approve", Bayern, "Neu@Example.org")).AssertSuccess().OutLines);

        Assert.Equal(["neu@example.org"], (await _sandbox.RunAsync("members", "list", Bayern)).OutLines);
        Assert.Empty((await _sandbox.RunAsync("members", "pending", Bayern)).OutLines);
        using (var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath))
            Assert.Contains(new LiteDeliveryQueue(store).All(), j => j.Recipients.SequenceEqual(["neu@example.org"]));
        var audit = Assert.Single((await _sandbox.RunAsync("audit", Bayern)).AssertSuccess().OutLines);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\tcli\tcli\tapprove neu@example.org\tadded$", audit);
        Assert.Equal($"error: no subscription of neu@example.org waits for approval on {Bayern}",
            (await _sandbox.RunAsync("members", "approve", Bayern, "neu@example.org")).AssertBadInput());
    }

    [Fact]
    public async Task Add_remove_and_import_are_in_the_audit_log_with_channel_cli()
    {
        var csv = Path.Combine(_sandbox.Root, "roster.csv");
        await File.WriteAllTextAsync(csv, "address,name\nneu@example.org,Neu\nmax@example.org,Max\n");
        (await _sandbox.RunAsync("members", "add", Bayern, "max@example.org", "chefin@kommune.de", "--role", "owner")).AssertSuccess();
        (await _sandbox.RunAsync("members", "remove", Bayern, "max@example.org")).AssertSuccess();
        (await _sandbox.RunAsync("members", "import", Bayern, csv)).AssertSuccess();
        (await _sandbox.RunAsync("members", "add", Bayern, "neu@example.org")).AssertSuccess();

        var audit = (await _sandbox.RunAsync("audit", Bayern)).AssertSuccess().OutLines.Select(l => l[(l.IndexOf('\t') + 1)..]);

        Assert.Equal(
        [
            "cli\tcli\tmembers add max@example.org --role owner\tadded",
            "cli\tcli\tmembers add chefin@kommune.de --role owner\tadded",
            "cli\tcli\tmembers remove max@example.org\tremoved",
            "cli\tcli\tmembers import neu@example.org (line 2)\tadded",
            "cli\tcli\tmembers import max@example.org (line 3)\tadded",
            "cli\tcli\tmembers add neu@example.org\twas already a member",
        ], audit);
    }

    [Fact]
    public async Task List_marks_moderated_members()
    {
        await _sandbox.RunAsync("members", "add", Bayern, "erika@example.org", "max@example.org");
        using (var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath))
        {
            var roster = new LiteRosterRepository(store);
            var erika = roster.Find(Bayern, "erika@example.org")!;
            erika.Moderated = true;
            Assert.True(roster.Update(erika));
        }

        Assert.Equal(["erika@example.org\tmoderated", "max@example.org"], (await _sandbox.RunAsync("members", "list", Bayern)).AssertSuccess().OutLines);
    }

    [Fact]
    public async Task List_of_an_unknown_list_is_bad_input()
        => (await _sandbox.RunAsync("members", "list", "nrw@lists.example.org")).AssertBadInput();

    public void Dispose() => _sandbox.Dispose();
}
