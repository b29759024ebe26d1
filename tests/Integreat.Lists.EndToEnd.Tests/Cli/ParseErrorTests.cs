namespace Integreat.Lists.EndToEnd.Tests.Cli;

public sealed class ParseErrorTests : IDisposable
{
    readonly CliSandbox _sandbox = new();

    [Theory]
    [InlineData("lists", "list", "--frobnicate")]
    [InlineData("members", "add", "bayern@lists.example.org")]
    [InlineData("members", "remove")]
    [InlineData("lists")]
    [InlineData("nonsense")]
    [InlineData("members", "add", "bayern@lists.example.org", "erika@example.org", "--role", "king")]
    public async Task A_parse_error_exits_2_with_one_line(params string[] args)
    {
        var result = await _sandbox.RunAsync(args);

        result.AssertBadInput();
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task A_missing_config_file_is_bad_input()
    {
        var result = await CliSandbox.RunRawAsync("lists", "list", "--config", Path.Combine(_sandbox.Root, "missing.json"));

        Assert.Contains("does not exist", result.AssertBadInput());
    }

    [Fact]
    public async Task Invalid_settings_print_each_problem()
    {
        var config = _sandbox.WriteFile("bad.json", """{ "Smtp": { "Listen": [ "nowhere" ], "MaxConnections": 0 } }""");

        var result = await CliSandbox.RunRawAsync("lists", "list", "--config", config);

        Assert.Equal(2, result.Code);
        Assert.True(result.ErrLines.Length >= 2);
        Assert.All(result.ErrLines, l => Assert.StartsWith("error: ", l));
    }

    [Fact]
    public async Task Help_goes_to_standard_output()
    {
        var result = await _sandbox.RunAsync("members", "import", "--help");

        Assert.Equal(0, result.Code);
        Assert.Contains("members import", result.Out);
    }

    public void Dispose() => _sandbox.Dispose();
}
