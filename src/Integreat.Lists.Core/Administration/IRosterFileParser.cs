namespace Integreat.Lists.Core.Administration;

/// <summary>Reads the rows of a roster import (CSV, RFC 4180, columns <c>address,name</c>, an optional header row),
/// for <see cref="ListAdministration.Import"/>. The CLI's <c>members import</c> and the web admin area read files the
/// same way through this port.</summary>
public interface IRosterFileParser
{
    /// <summary>The data rows of <paramref name="text"/>, each with its 1-based line; blank rows are skipped.</summary>
    IReadOnlyList<ImportRow> Parse(TextReader text);
}
