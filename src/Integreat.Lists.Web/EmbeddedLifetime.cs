using Microsoft.Extensions.Hosting;

namespace Integreat.Lists.Web;

/// <summary>The embedded web application's lifetime: it ignores SIGTERM and Ctrl+C, so the web port stops when
/// the daemon's host stops it (after the SMTP drain), not on its own.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    /// <inheritdoc/>
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
