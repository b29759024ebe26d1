using System.Text;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Delivery;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

public sealed class PickupTransportTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("il-pickup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task AHalfWrittenFileLeftByACrashIsRemovedAndTheTransactionWrittenWhole()
    {
        var stale = Path.Combine(_directory, "20261130011608647-0123.eml.tmp");
        await File.WriteAllBytesAsync(stale, []);
        var transport = new PickupTransport(Options.Create(new DeliveryOptions { PickupDirectory = _directory }));

        await using var session = await transport.OpenAsync(CancellationToken.None);
        var results = await session.SendAsync(Encoding.ASCII.GetBytes("Subject: x\r\n\r\nHallo\r\n"), "bayern-bounces@lists.example.org",
            ["erika@example.org"], CancellationToken.None);

        Assert.False(File.Exists(stale));
        Assert.Equal(250, Assert.Single(results).Code);
        var written = Assert.Single(Directory.GetFiles(_directory));
        Assert.EndsWith(".eml", written);
        Assert.Contains("X-Envelope-To: erika@example.org", await File.ReadAllTextAsync(written));
    }
}
