using System.CommandLine;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Core.Posting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>Decides where an administrative command runs and gives its handler the services there.</summary>
internal abstract class AdminRunner
{
    /// <summary>Runs <paramref name="handler"/> for the parsed command line.</summary>
    /// <returns>The exit code.</returns>
    public abstract Task<int> RunAsync(ParseResult parseResult, AdminHandler handler, CancellationToken cancellationToken);

    /// <summary>The list and roster use cases over <paramref name="services"/>' ports.</summary>
    public static ListAdministration Lists(IServiceProvider services) => ActivatorUtilities.CreateInstance<ListAdministration>(services);

    /// <summary>The queue use cases over <paramref name="services"/>' ports.</summary>
    public static QueueAdministration Queues(IServiceProvider services) => ActivatorUtilities.CreateInstance<QueueAdministration>(services);

    /// <summary>The decisions on held posts: the daemon's own, or, when the CLI opened the store itself, built over
    /// it (delivery then starts when the daemon does).</summary>
    public static HoldDecisions Holds(IServiceProvider services)
    {
        if (services.GetService<HoldDecisions>() is { } running) return running;
        var handoff = ActivatorUtilities.CreateInstance<DeliveryHandoff>(services, NullLogger<DeliveryHandoff>.Instance);
        var distributor = ActivatorUtilities.CreateInstance<PostDistributor>(services, handoff);
        return ActivatorUtilities.CreateInstance<HoldDecisions>(services, distributor, handoff, NullLogger<HoldDecisions>.Instance);
    }

    /// <summary>Runs the handler and turns bad input into one error line and exit code 2.</summary>
    protected static int Invoke(AdminHandler handler, IServiceProvider services, TextWriter output, TextWriter error)
    {
        try
        {
            return handler(services, output, error);
        }
        catch (AdministrationException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return Cli.BadInput;
        }
    }
}
