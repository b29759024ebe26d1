using System.CommandLine;
using System.Net.Sockets;
using System.Text.Json;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Control;
using Integreat.Lists.Daemon.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>Runs administrative commands from the CLI process: through the running daemon's control socket when
/// one answers, otherwise against the store opened directly.</summary>
/// <remarks>Only one process may use the store at a time (see <see cref="StoreLock"/>): while the daemon runs, the
/// daemon; otherwise the CLI, holding the store lock for the command.</remarks>
internal sealed class ClientAdminRunner(TextWriter output, TextWriter error) : AdminRunner
{
    /// <summary>How long a command waits for a starting daemon's socket or another command's store lock.</summary>
    static readonly TimeSpan StoreWait = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    public override async Task<int> RunAsync(ParseResult parseResult, AdminHandler handler, CancellationToken cancellationToken)
    {
        Settings settings;
        try
        {
            settings = Settings.Bind(SettingsLoader.Load(parseResult.GetValue<string>(CommandTree.ConfigOption)));
        }
        catch (SettingsException ex)
        {
            foreach (var problem in ex.Problems) await error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
            return Cli.BadInput;
        }
        if (ReadsOnly(parseResult) && !File.Exists(settings.Storage.DatabasePath))
        {
            // Opening the store would create an empty one, and the command would report on it as if it were real.
            await error.WriteLineAsync($"error: there is no store at {settings.Storage.DatabasePath}: no daemon has run with this " +
                "configuration yet; check --config and Storage:Directory").ConfigureAwait(false);
            return 1;
        }
        var socket = ControlSocket.PathFor(settings.Storage);
        try
        {
            return await ForwardOrRunAsync(settings, socket, ForwardedArgs.From(parseResult), handler, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or JsonException)
        {
            await error.WriteLineAsync($"error: the daemon at {socket} did not answer: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (UnauthorizedAccessException ex)
        {
            await error.WriteLineAsync($"error: cannot use the store: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary><c>status</c>, the command an operator runs first to see whether the configuration points at the
    /// right store (other commands on an empty store fail on their own: no such list).</summary>
    static bool ReadsOnly(ParseResult parseResult) => parseResult.CommandResult.Command.Name is "status";

    async Task<int> ForwardOrRunAsync(Settings settings, string socket, IReadOnlyList<string> args, AdminHandler handler,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StoreWait;
        while (true)
        {
            var reply = await ControlClient.TryForwardAsync(socket, args, cancellationToken).ConfigureAwait(false);
            if (reply is not null) return await PrintAsync(reply).ConfigureAwait(false);
            using (var storeLock = StoreLock.TryAcquire(settings.Storage))
            {
                if (storeLock is not null) return RunDirect(settings, handler);
            }
            // A daemon that is starting holds the store but does not listen yet, or another CLI command is
            // running. Both are short, so ask again before giving up.
            if (DateTime.UtcNow >= deadline) break;
            await StoreLock.PauseAsync(cancellationToken).ConfigureAwait(false);
        }
        await error.WriteLineAsync($"error: the store in {Path.GetFullPath(settings.Storage.Directory)} is in use by another process, " +
            $"and no daemon answers on {socket}").ConfigureAwait(false);
        return 1;
    }

    async Task<int> PrintAsync(ControlReply reply)
    {
        await output.WriteAsync(reply.Stdout).ConfigureAwait(false);
        await error.WriteAsync(reply.Stderr).ConfigureAwait(false);
        return reply.Code;
    }

    int RunDirect(Settings settings, AdminHandler handler)
    {
        // Disposing the provider disposes the LiteStore before the store lock is released.
        using var services = new ServiceCollection().AddIntegreatStorage(settings).BuildServiceProvider();
        try
        {
            return Invoke(handler, services, output, error);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            error.WriteLine($"error: cannot use the store in {Path.GetFullPath(settings.Storage.Directory)}: {ex.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }
}
