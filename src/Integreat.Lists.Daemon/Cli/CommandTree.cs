using System.CommandLine;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>Builds the command tree of <c>integreat-lists</c>; the same tree runs in the CLI process and, for
/// forwarded commands, inside the daemon, so both parse and print identically.</summary>
internal static class CommandTree
{
    /// <summary>The global option naming the settings file.</summary>
    public const string ConfigOption = "--config";

    /// <summary>Creates the root command.</summary>
    /// <param name="admin">Where <c>lists</c>, <c>members</c> and <c>queue</c> commands run.</param>
    /// <param name="serve">The action of <c>serve</c> and of no command at all.</param>
    /// <param name="healthcheck">The action of <c>healthcheck</c>.</param>
    public static RootCommand Build(AdminRunner admin, Func<ParseResult, CancellationToken, Task<int>> serve,
        Func<ParseResult, CancellationToken, Task<int>> healthcheck)
    {
        var config = new Option<string>(ConfigOption)
        {
            Description = "The settings file (JSON) layered over the shipped defaults.",
            HelpName = "FILE",
            Recursive = true,
        };
        var serveCommand = new Command("serve", "Runs the daemon until SIGTERM or Ctrl+C (the default command).");
        serveCommand.SetAction(serve);
        var healthCommand = new Command("healthcheck", "Checks that the daemon answers SMTP with 220 and that its store, runners and queues are ready; exits 0 or 1.");
        healthCommand.SetAction(healthcheck);
        var root = new RootCommand("integreat-lists: a mailing-list daemon and its administration.")
        {
            config,
            serveCommand,
            healthCommand,
            ListsCommands.Build(admin),
            MembersCommands.Build(admin),
            QueueCommands.Build(admin),
            StatusCommand.Build(admin),
            PostfixMapsCommand.Build(admin),
            BackupCommands.Backup(admin),
            BackupCommands.Restore(),
            PersonCommands.Build(admin),
            BouncesCommands.Build(admin),
            AuditCommands.Build(admin),
            HeldCommands.Build(admin),
            DkimCommands.Build(admin),
            ApiTokenCommands.Build(admin),
            TlsCommands.Build(),
        };
        root.SetAction(serve);
        return root;
    }
}
