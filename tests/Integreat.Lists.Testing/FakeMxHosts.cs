using System.Net;
using System.Net.Sockets;

namespace Integreat.Lists.Testing;

/// <summary>Several <see cref="FakeSmarthost"/>s on one port at 127.0.0.2, 127.0.0.3, … (Linux routes all of 127/8
/// to lo), as the MX hosts of test domains; <c>Delivery:MxPort</c> points at <see cref="Port"/>.</summary>
public sealed class FakeMxHosts : IAsyncDisposable
{
    FakeMxHosts(int port, IReadOnlyList<FakeSmarthost> hosts)
    {
        Port = port;
        Hosts = hosts;
    }

    /// <summary>The port every host listens on.</summary>
    public int Port { get; }

    /// <summary>The hosts; host <c>i</c> listens on <see cref="AddressOf"/>(i).</summary>
    public IReadOnlyList<FakeSmarthost> Hosts { get; }

    /// <summary>The loopback address of host <paramref name="index"/>: 127.0.0.(2 + index). Indexes past the started
    /// hosts name addresses where nothing listens (connection refused).</summary>
    public static string AddressOf(int index) => $"127.0.0.{2 + index}";

    /// <summary>Starts <paramref name="count"/> hosts on one free port (retrying with another port when one of the
    /// addresses is taken on it).</summary>
    public static async Task<FakeMxHosts> StartAsync(int count)
    {
        for (var tries = 0; ; tries++)
        {
            var first = await FakeSmarthost.StartOnAsync(IPAddress.Parse(AddressOf(0)), 0).ConfigureAwait(false);
            var hosts = new List<FakeSmarthost> { first };
            try
            {
                for (var i = 1; i < count; i++)
                    hosts.Add(await FakeSmarthost.StartOnAsync(IPAddress.Parse(AddressOf(i)), first.Port).ConfigureAwait(false));
                return new FakeMxHosts(first.Port, hosts);
            }
            catch (Exception ex) when (tries < 5 && (ex is SocketException || ex.InnerException is SocketException))
            {
                foreach (var host in hosts) await host.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts) await host.DisposeAsync().ConfigureAwait(false);
    }
}
