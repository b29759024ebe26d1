using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Dns;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.EndToEnd.Tests.Configuration;

/// <summary>Section <c>Dns</c>: the shipped default asks the system's resolvers, servers bind as address:port, a bad
/// one fails start-up naming the key, and a resolver that does not answer is a DNS failure, not an exception.</summary>
public sealed class DnsSettingsTests
{
    static Settings Bind(Dictionary<string, string?> values)
        => Settings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void TheShippedDefaultIsTheSystemsResolvers()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var dns = Settings.Bind(new ConfigurationBuilder().AddJsonFile(path).Build()).Dns;

        Assert.Empty(dns.Servers);
        Assert.Equal(TimeSpan.FromSeconds(5), dns.Timeout);
    }

    [Fact]
    public void ServersBindAndABadOneIsNamed()
    {
        Assert.Equal(["127.0.0.1:5353", "[::1]:53"], Bind(new() { ["Dns:Servers:0"] = "127.0.0.1:5353", ["Dns:Servers:1"] = "[::1]:53" }).Dns.Servers);

        var error = Assert.Throws<SettingsException>(() => Bind(new() { ["Dns:Servers:0"] = "dns.example.org", ["Dns:Timeout"] = "00:05:00" }));

        Assert.Equal(
        [
            "Dns:Servers entry 'dns.example.org' is not an address:port such as 127.0.0.1:53 or [::1]:53.",
            "Dns:Timeout must be between 00:00:00.1 and 00:01:00.",
        ], error.Problems);
    }

    [Fact]
    public async Task AResolverThatDoesNotAnswerIsAFailure()
    {
        var resolver = new DnsClientResolver(Options.Create(new DnsOptions { Servers = ["127.0.0.1:9"], Timeout = TimeSpan.FromMilliseconds(200) }));

        var txt = await resolver.GetTxtAsync("_dmarc.example.org", CancellationToken.None);
        var mx = await resolver.GetMxAsync("example.org", CancellationToken.None);

        Assert.Equal(DnsStatus.Failure, txt.Status);
        Assert.Equal(DnsStatus.Failure, mx.Status);
        Assert.Empty(txt.Records);
    }

    [Theory]
    [InlineData("Delivery:Connections", "vier", "Delivery:Connections is 'vier', but it takes a whole number such as 4.")]
    [InlineData("Dns:Timeout", "5s", "Dns:Timeout is '5s', but it takes a duration as hh:mm:ss or d.hh:mm:ss, such as 00:05:00 or 1.00:00:00.")]
    [InlineData("Delivery:Verp", "ja", "Delivery:Verp is 'ja', but it takes true or false.")]
    public void AValueOfTheWrongTypeIsOnePlainSentence(string key, string value, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => Bind(new() { [key] = value }));

        Assert.Equal([expected], error.Problems);
    }
}
