using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.Core.Tests.Administration;

public sealed class ListAdministrationImportTests
{
    const string Bayern = "bayern@lists.integreat.example";
    readonly InMemoryRosterRepository _roster = new();
    readonly ListAdministration _admin;

    public ListAdministrationImportTests()
    {
        _admin = new ListAdministration(new InMemoryListRepository(), _roster, new FakeTimeProvider());
        _admin.CreateList(Bayern, null);
        _admin.AddMembers(Bayern, ["max@example.org"], null, MemberRole.Member);
    }

    [Fact]
    public void Import_adds_the_new_rows_in_one_call_and_reports_every_row()
    {
        var calls = _roster.AddMissingCalls;

        var report = _admin.Import(Bayern, [new(2, "Erika@Example.org", "Muster, Erika"), new(3, "max@example.org", ""), new(5, "erika@example.org", "")]);

        Assert.True(report.Imported);
        Assert.Equal([new(2, ImportOutcome.Added, "erika@example.org"), new(3, ImportOutcome.AlreadyPresent, "max@example.org"),
            new(5, ImportOutcome.AlreadyPresent, "erika@example.org")], report.Lines);
        Assert.Equal((1, 2), (report.Added, report.AlreadyPresent));
        Assert.Equal(calls + 1, _roster.AddMissingCalls);
        Assert.Equal("Muster, Erika", _roster.Find(Bayern, "erika@example.org")!.DisplayName);
    }

    [Fact]
    public void Import_with_an_invalid_row_imports_nothing_and_reports_only_the_invalid_rows()
    {
        var calls = _roster.AddMissingCalls;

        var report = _admin.Import(Bayern, [new(1, "erika@example.org", ""), new(2, " not-an-address ", ""), new(4, "", "Nobody")]);

        Assert.False(report.Imported);
        Assert.Equal([new(2, ImportOutcome.Invalid, "not-an-address"), new(4, ImportOutcome.Invalid, "")], report.Lines);
        Assert.Equal(calls, _roster.AddMissingCalls);
        Assert.Null(_roster.Find(Bayern, "erika@example.org"));
    }

    [Fact]
    public void Import_of_a_list_address_imports_nothing_and_reports_it_invalid()
    {
        var calls = _roster.AddMissingCalls;

        var report = _admin.Import(Bayern, [new(1, "erika@example.org", ""), new(2, "bayern-bounces@lists.integreat.example", ""), new(3, Bayern, "")]);

        Assert.False(report.Imported);
        Assert.Equal([new(2, ImportOutcome.Invalid, "bayern-bounces@lists.integreat.example"), new(3, ImportOutcome.Invalid, Bayern)], report.Lines);
        Assert.Equal(calls, _roster.AddMissingCalls);
        Assert.Null(_roster.Find(Bayern, "erika@example.org"));
    }

    [Fact]
    public void Import_into_an_unknown_list_is_bad_input()
        => Assert.Throws<AdministrationException>(() => _admin.Import("nrw@x.org", [new(1, "erika@example.org", "")]));
}
