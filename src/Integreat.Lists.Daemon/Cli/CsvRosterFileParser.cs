using Integreat.Lists.Core.Administration;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The roster import format of <c>members import</c> (<see cref="RosterCsv"/>), for the web admin area.</summary>
public sealed class CsvRosterFileParser : IRosterFileParser
{
    /// <inheritdoc/>
    public IReadOnlyList<ImportRow> Parse(TextReader text) => RosterCsv.Parse(text);
}
