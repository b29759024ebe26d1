using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.EndToEnd.Tests.Infrastructure;

/// <summary>What the DKIM and DMARC delivery tests share: a fake smarthost, a fresh directory for the daemon, a DKIM key
/// made there by the real key store (where <c>dkim keygen</c> puts it), and the daemon started on that directory.</summary>
public abstract class SignedDeliveryTest : IAsyncLifetime
{
    /// <summary>How long a test waits for the smarthost to see its copies.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The daemon's directory (its data directory is <c>data/</c> inside), deleted afterwards.</summary>
    protected string DaemonDirectory { get; } = Path.Combine(Path.GetTempPath(), "integreat-e2e-" + Guid.NewGuid().ToString("N"));

    /// <summary>The smarthost the daemon delivers to.</summary>
    protected FakeSmarthost Smarthost { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Smarthost = await FakeSmarthost.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await Smarthost.DisposeAsync();
        try { Directory.Delete(DaemonDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Generates the list domain's key in the daemon's data directory; call before <see cref="StartDaemonAsync"/>.</summary>
    protected DkimKeys GenerateKey() => new(Path.Combine(DaemonDirectory, "data", "dkim"));

    /// <summary>Starts the daemon on <see cref="DaemonDirectory"/>, delivering to <see cref="Smarthost"/>.</summary>
    protected Task<TestDaemon> StartDaemonAsync(Action<Settings>? tweak = null, Action<IServiceCollection>? services = null)
        => TestDaemon.StartAsync(Smarthost.HostPort, tweak, services, DaemonDirectory);
}
