using System.CommandLine;
using Integreat.Lists.Core.Administration;
using Microsoft.Extensions.DependencyInjection;

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
