using System.CommandLine;
using System.CommandLine.Invocation;
using Integreat.Lists.Daemon.Hosting;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The command line of <c>integreat-lists</c>: <c>serve</c> (the default), <c>healthcheck</c>, and the
/// administrative <c>lists</c>, <c>members</c> and <c>queue</c> commands.</summary>
/// <remarks>Exit codes: 0 success; 1 an operational failure (the store or the daemon cannot be reached);
/// 2 bad input (a parse error, invalid settings, an invalid address, an unknown list), reported as one
/// <c>error: …</c> line on the error writer.</remarks>
public static class Cli
{
    /// <summary>The exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Runs one command line, as the executable does.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where error lines go (standard error).</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
        => RunAsync(args, output, error, CancellationToken.None);

    /// <summary>Runs one command line; <paramref name="cancellationToken"/> stops <c>serve</c> (Ctrl+C).</summary>
    /// <inheritdoc cref="RunAsync(string[], TextWriter, TextWriter)"/>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = CommandTree.Build(new ClientAdminRunner(output, error),
            (parse, ct) => ServeAction.RunAsync(parse.GetValue<string>(CommandTree.ConfigOption), error, ct),
            (parse, _) => HealthcheckCommand.RunAsync(parse.GetValue<string>(CommandTree.ConfigOption), output, error));
        return InvokeAsync(root, args, output, error, catchUnexpected: false, cancellationToken);
    }

    /// <summary>Runs an administrative command line inside the running daemon, against its services (for the
    /// control socket). <c>serve</c> is refused; <c>healthcheck</c> reports readiness; <c>--config</c> is ignored.</summary>
    /// <param name="args">The forwarded arguments.</param>
    /// <param name="services">The daemon's services.</param>
    /// <param name="output">Receives the command's standard output.</param>
    /// <param name="error">Receives the command's error lines.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="Exception">Any unexpected failure of the command propagates, for the daemon's log.</exception>
    public static Task<int> RunInDaemonAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter output,
        TextWriter error, CancellationToken cancellationToken)
    {
        var root = CommandTree.Build(new DaemonAdminRunner(services, output, error), NotInDaemon(error),
            (_, _) => HealthcheckCommand.ReadyInDaemonAsync(services, output, error));
        return InvokeAsync(root, args, output, error, catchUnexpected: true, cancellationToken);
    }

    static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, TextWriter output, TextWriter error,
        bool catchUnexpected, CancellationToken cancellationToken)
    {
        // Response files are off: "@x" is never expanded, so a forwarded command is parsed exactly as typed.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction)
        {
            var messages = parse.Errors.Select(e => OneLine(e.Message)).Distinct();
            await error.WriteLineAsync("error: " + string.Join(" ", messages)).ConfigureAwait(false);
            return BadInput;
        }
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Signals are the host's business (ConsoleLifetime) and Program's Ctrl+C token, not the parser's.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = !catchUnexpected,
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130;
        }
    }

    static Func<ParseResult, CancellationToken, Task<int>> NotInDaemon(TextWriter error) => async (parse, _) =>
    {
        await error.WriteLineAsync($"error: '{parse.CommandResult.Command.Name}' cannot run through the control socket").ConfigureAwait(false);
        return BadInput;
    };

    /// <summary>Some parser messages list choices on several lines; the contract is one error line.</summary>
    static string OneLine(string message)
        => string.Join(" ", message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
