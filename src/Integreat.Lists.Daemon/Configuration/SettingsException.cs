namespace Integreat.Lists.Daemon.Configuration;

/// <summary>The configuration cannot be used; <see cref="Problems"/> holds one sentence per problem.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    /// <summary>Each problem as one sentence naming the key.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
