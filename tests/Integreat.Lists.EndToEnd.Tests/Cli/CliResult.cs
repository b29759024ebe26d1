namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary>What one CLI run returned and printed.</summary>
sealed record CliResult(int Code, string Out, string Err)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>Asserts exit 2 with exactly one <c>error: …</c> line on stderr, and returns that line.</summary>
    public string AssertBadInput()
    {
        Assert.Equal(2, Code);
        var line = Assert.Single(ErrLines);
        Assert.StartsWith("error: ", line);
        return line;
    }

    public CliResult AssertSuccess()
    {
        Assert.True(Code == 0, $"exit {Code}: {Err}");
        Assert.Equal("", Err);
        return this;
    }
}
