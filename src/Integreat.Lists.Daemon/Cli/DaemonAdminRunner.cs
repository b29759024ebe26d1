using System.CommandLine;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>Runs administrative commands inside the daemon, against the running host's services, so a change
/// is seen by the runners at once.</summary>
internal sealed class DaemonAdminRunner(IServiceProvider services, TextWriter output, TextWriter error) : AdminRunner
{
    /// <inheritdoc/>
    public override Task<int> RunAsync(ParseResult parseResult, AdminHandler handler, CancellationToken cancellationToken)
        => Task.FromResult(Invoke(handler, services, output, error));
}
