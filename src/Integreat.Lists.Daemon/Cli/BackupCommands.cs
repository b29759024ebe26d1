using System.CommandLine;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Control;
using Integreat.Lists.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary><c>backup FILE</c> (also while the daemon runs) and <c>restore FILE</c> (only while it does not).</summary>
internal static class BackupCommands
{
    /// <summary>Creates <c>backup</c>.</summary>
    public static Command Backup(AdminRunner admin)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The archive to write (.tar.gz); replaced when it exists." };
        var command = new Command("backup", "Writes a consistent snapshot of the store, the spool and the keys, also while the daemon runs.") { file };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var target = parse.GetValue(file)!.FullName;
            // In the daemon, the runners pause between two units of work while the files are copied; SMTP keeps
            // taking mail (whole files only). In the CLI, the store lock already keeps every writer out.
            using var closed = services.GetService<ProcessingGate>() is { } gate && services.GetService<Runners.SmtpIntakeService>() is not null
                ? gate.CloseAsync(ct).GetAwaiter().GetResult()
                : null;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var count = StoreBackup.Write(services.GetRequiredService<LiteStore>(), services.GetRequiredService<Settings>().Storage,
                target, StatusCommand.Version, now);
            output.WriteLine($"backup written to {target} ({count} files)");
            return 0;
        }, ct));
        return command;
    }

    /// <summary>Creates <c>restore</c>.</summary>
    public static Command Restore()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An archive written by 'backup'." };
        var command = new Command("restore", "Unpacks a backup into the (empty) data directory; the daemon must be stopped.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            Settings settings;
            try { settings = Settings.Bind(SettingsLoader.Load(parse.GetValue<string>(CommandTree.ConfigOption))); }
            catch (SettingsException ex)
            {
                foreach (var problem in ex.Problems) await error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
                return Cli.BadInput;
            }
            using var held = StoreLock.TryAcquire(settings.Storage);
            if (held is null)
            {
                await error.WriteLineAsync("error: the daemon (or another command) uses the data directory; stop the daemon before a restore").ConfigureAwait(false);
                return 1;
            }
            try
            {
                var manifest = StoreBackup.Restore(parse.GetValue(file)!.FullName, settings.Storage);
                await output.WriteLineAsync($"restored the backup of {manifest.CreatedUtc:yyyy-MM-dd'T'HH:mm:ss'Z'} (release {manifest.Release}, " +
                    $"schema {manifest.Schema}) into {Path.GetFullPath(settings.Storage.Directory)}").ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
