namespace Integreat.Lists.Core.Commands;

/// <summary>One command as read from a command mail.</summary>
/// <param name="Text">The line as written (trimmed), for the reply.</param>
/// <param name="Word">The command it names.</param>
/// <param name="Arguments">The words after the command word.</param>
public sealed record CommandLine(string Text, CommandWord Word, IReadOnlyList<string> Arguments);
