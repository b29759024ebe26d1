namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary>A list's own addresses are no member addresses (a mail loop), and a new list may not take over
/// another list's addresses: the CLI refuses both as bad input (exit code 2) and changes nothing.</summary>
public sealed class ListAddressCommandTests : IDisposable
{
    const string Bayern = "bayern@lists.example.org";
    const string Hessen = "hessen@lists.example.org";
    readonly CliSandbox _sandbox = new();

    public ListAddressCommandTests()
    {
        _sandbox.RunAsync("lists", "create", Bayern).GetAwaiter().GetResult().AssertSuccess();
        _sandbox.RunAsync("lists", "create", Hessen).GetAwaiter().GetResult().AssertSuccess();
    }

    [Theory]
    [InlineData(Bayern)]
    [InlineData("bayern-bounces@lists.example.org")]
    [InlineData("hessen-owner@lists.example.org")]
    public async Task Members_add_refuses_a_list_address(string address)
    {
        var error = (await _sandbox.RunAsync("members", "add", Bayern, "erika@example.org", address)).AssertBadInput();

        Assert.Contains("a list address cannot be a member", error);
        Assert.Empty((await _sandbox.RunAsync("members", "list", Bayern)).OutLines);
    }

    [Fact]
    public async Task Lists_create_refuses_another_lists_owner_address()
    {
        var error = (await _sandbox.RunAsync("lists", "create", "bayern-owner@lists.example.org")).AssertBadInput();

        Assert.Contains("the owner address of list " + Bayern, error);
        Assert.Equal([Bayern, Hessen], (await _sandbox.RunAsync("lists", "list")).OutLines.Select(l => l.Split('\t')[0]));
    }

    public void Dispose() => _sandbox.Dispose();
}
