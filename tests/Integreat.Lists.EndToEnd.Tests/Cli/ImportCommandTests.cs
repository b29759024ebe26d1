namespace Integreat.Lists.EndToEnd.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    const string Bayern = "bayern@lists.example.org";
    readonly CliSandbox _sandbox = new();

    public ImportCommandTests() => _sandbox.RunAsync("lists", "create", Bayern).GetAwaiter().GetResult().AssertSuccess();

    [Fact]
    public async Task Import_with_a_header_and_a_quoted_name_adds_the_new_members()
    {
        await _sandbox.RunAsync("members", "add", Bayern, "max@example.org");
        var csv = _sandbox.WriteFile("members.csv", "address,name\r\nerika@example.org,\"Muster, Erika\"\r\n\r\nmax@example.org,Max\r\n");

        var result = (await _sandbox.RunAsync("members", "import", Bayern, csv)).AssertSuccess();

        Assert.Equal(["line 2: added erika@example.org", "line 4: already present max@example.org", "added 1, already present 1"],
            result.OutLines);
        Assert.Equal(["erika@example.org", "max@example.org"], (await _sandbox.RunAsync("members", "list", Bayern)).OutLines);
    }

    [Fact]
    public async Task Import_without_a_header_starts_at_line_one()
    {
        var csv = _sandbox.WriteFile("members.csv", "erika@example.org,\"Muster, Erika\"\nmax@example.org\n");

        var result = (await _sandbox.RunAsync("members", "import", Bayern, csv)).AssertSuccess();

        Assert.Equal(["line 1: added erika@example.org", "line 2: added max@example.org", "added 2, already present 0"], result.OutLines);
    }

    [Fact]
    public async Task Import_with_an_invalid_line_imports_nothing_and_names_the_lines()
    {
        var csv = _sandbox.WriteFile("members.csv", "address,name\nerika@example.org,Erika\nnot-an-address,Nobody\nmax@example.org,Max\n,Empty\n");

        var result = await _sandbox.RunAsync("members", "import", Bayern, csv);

        var error = result.AssertBadInput();
        Assert.Contains("nothing imported", error);
        Assert.Contains("3, 5", error);
        Assert.Equal(["line 3: invalid 'not-an-address'", "line 5: invalid ''"], result.OutLines);
        Assert.Empty((await _sandbox.RunAsync("members", "list", Bayern)).OutLines);
    }

    [Theory]
    [InlineData("address,name\n\"erika@example.org,Erika\n")]
    [InlineData("address,name\r\n\"erika@example.org,Erika\r\n")]
    [InlineData("address,name\n\"erika@example.org,Erika")]
    [InlineData("address,name\n\"erika@example.org,Erika\nmax@example.org,Max\n")]
    public async Task An_unterminated_quote_is_reported_at_the_line_where_it_opens(string content)
    {
        var csv = _sandbox.WriteFile("members.csv", content);

        var result = await _sandbox.RunAsync("members", "import", Bayern, csv);

        result.AssertBadInput();
        Assert.StartsWith("line 2: invalid ", Assert.Single(result.OutLines));
        Assert.Empty((await _sandbox.RunAsync("members", "list", Bayern)).OutLines);
    }

    [Fact]
    public async Task A_quoted_name_over_several_lines_is_reported_at_its_first_line()
    {
        var csv = _sandbox.WriteFile("members.csv", "erika@example.org,\"Muster,\nErika\"\nmax@example.org,Max\nbad,Bad\n");

        var result = await _sandbox.RunAsync("members", "import", Bayern, csv);

        result.AssertBadInput();
        Assert.Equal(["line 4: invalid 'bad'"], result.OutLines);
    }

    [Fact]
    public async Task Import_of_a_missing_file_is_bad_input()
        => Assert.Contains("cannot read", (await _sandbox.RunAsync("members", "import", Bayern, Path.Combine(_sandbox.Root, "none.csv"))).AssertBadInput());

    public void Dispose() => _sandbox.Dispose();
}
