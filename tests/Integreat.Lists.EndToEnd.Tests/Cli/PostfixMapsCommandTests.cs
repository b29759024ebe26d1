namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary><c>postfix-maps</c> prints Postfix's relay recipient map and transport map from the lists in the store.</summary>
public sealed class PostfixMapsCommandTests : IDisposable
{
    readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Prints_every_address_of_every_list_and_each_domain_with_its_next_hop()
    {
        (await _sandbox.RunAsync("lists", "create", "bayern@lists.example.org")).AssertSuccess();
        (await _sandbox.RunAsync("lists", "create", "info@kreis.example")).AssertSuccess();
        (await _sandbox.RunAsync("lists", "create", "hessen@lists.example.org")).AssertSuccess();

        var recipients = (await _sandbox.RunAsync("postfix-maps")).AssertSuccess().OutLines;
        var transport = (await _sandbox.RunAsync("postfix-maps", "--transport", "smtp:[daemon]:2525")).AssertSuccess().OutLines;

        Assert.Equal(21, recipients.Length);
        Assert.Equal(
            ["bayern-bounces@lists.example.org OK", "bayern-confirm@lists.example.org OK", "bayern-join@lists.example.org OK",
             "bayern-leave@lists.example.org OK", "bayern-owner@lists.example.org OK", "bayern-request@lists.example.org OK",
             "bayern@lists.example.org OK"],
            recipients.Where(l => l.StartsWith("bayern", StringComparison.Ordinal)));
        Assert.Equal(["kreis.example smtp:[daemon]:2525", "lists.example.org smtp:[daemon]:2525"], transport);
    }

    public void Dispose() => _sandbox.Dispose();
}
