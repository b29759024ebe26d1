using System.CommandLine;
using System.CommandLine.Parsing;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>Turns a parsed command line into the arguments the daemon runs: the same tokens, without
/// <c>--config</c> (the daemon uses its own settings) and with every file argument made absolute (the daemon's
/// working directory is not the caller's), also a file option's value unless it is <see cref="NoFile"/>.</summary>
internal static class ForwardedArgs
{
    /// <summary>The value of a file option that means "no file" (<c>--footer none</c>); it is sent as it is.</summary>
    public const string NoFile = "none";

    /// <summary>The tokens to send, in order.</summary>
    public static IReadOnlyList<string> From(ParseResult parseResult)
    {
        var files = parseResult.CommandResult.Children.OfType<ArgumentResult>()
            .Where(a => a.Argument.ValueType == typeof(FileInfo))
            .SelectMany(a => a.Tokens)
            .Concat(parseResult.CommandResult.Children.OfType<OptionResult>()
                .Where(o => o.Option.ValueType == typeof(FileInfo))
                .SelectMany(o => o.Tokens)
                .Where(t => t.Value != NoFile))
            .ToHashSet(ReferenceEqualityComparer.Instance);
        var args = new List<string>();
        var tokens = parseResult.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Option && tokens[i].Value == CommandTree.ConfigOption)
            {
                i++; // The option's value follows it as its own token, also for --config=FILE.
                continue;
            }
            args.Add(files.Contains(tokens[i]) ? Path.GetFullPath(tokens[i].Value) : tokens[i].Value);
        }
        return args;
    }
}
