using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Integreat.Lists.Core.Administration;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>Reads a roster import file: CSV (RFC 4180, so <c>"Muster, Erika"</c> is one field) with the columns
/// <c>address,name</c>. A first row with a field <c>address</c> is a header and may order the columns freely.</summary>
internal static class RosterCsv
{
    static readonly CsvConfiguration Format = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        IgnoreBlankLines = true,
        // A stray quote is kept as text: the row then fails address validation and is reported with its line.
        BadDataFound = null,
        MissingFieldFound = null,
    };

    /// <summary>Reads the rows of a file (UTF-8, or as its byte order mark says).</summary>
    /// <exception cref="AdministrationException">The file cannot be read.</exception>
    public static IReadOnlyList<ImportRow> Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return Parse(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AdministrationException($"cannot read {path}: {ex.Message}");
        }
    }

    /// <summary>Reads the data rows of CSV text; the header row, if any, and blank rows are skipped.</summary>
    public static IReadOnlyList<ImportRow> Parse(TextReader text)
    {
        // Read whole (a roster file is small), so a record's line can be counted from the text itself.
        var content = text.ReadToEnd();
        var lines = new LineCounter(content);
        using var csv = new CsvParser(new StringReader(content), Format);
        var rows = new List<ImportRow>();
        Columns? columns = null;
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (columns is null)
            {
                columns = HeaderColumns(record);
                if (columns is not null) continue;
                columns = new Columns(0, 1, RestIsName: true);
            }
            rows.Add(new ImportRow(lines.LineAt((int)(csv.CharCount - csv.RawRecord.Length)), Field(record, columns.Address), Name(record, columns)));
        }
        return rows;
    }

    static Columns? HeaderColumns(string[] record)
    {
        var address = Array.FindIndex(record, f => f.Trim().Equals("address", StringComparison.OrdinalIgnoreCase));
        var name = Array.FindIndex(record, f => f.Trim().Equals("name", StringComparison.OrdinalIgnoreCase));
        return address < 0 ? null : new Columns(address, name, RestIsName: false);
    }

    /// <summary>Without a header, everything after the address is the name: an unquoted <c>Muster, Erika</c>
    /// then still arrives whole instead of losing its second half.</summary>
    static string Name(string[] record, Columns columns)
        => columns.RestIsName ? string.Join(",", record.Skip(1)) : Field(record, columns.Name);

    static string Field(string[] record, int index) => index >= 0 && index < record.Length ? record[index] : "";

    /// <summary>The file line where a record starts, from its character offset: a quoted field may span several
    /// lines, and an unterminated quote runs to the end of the file, taking the final line end with it, so the
    /// parser's row counter cannot tell where the record began.</summary>
    sealed class LineCounter(string content)
    {
        int _offset;
        int _line = 1;

        /// <summary>The 1-based line of <paramref name="offset"/>; offsets must not decrease between calls.</summary>
        public int LineAt(int offset)
        {
            offset = Math.Clamp(offset, _offset, content.Length);
            for (; _offset < offset; _offset++)
                if (content[_offset] == '\n') _line++;
            return _line;
        }
    }

    /// <summary>Where the fields are: by header, or address first and the rest the name.</summary>
    sealed record Columns(int Address, int Name, bool RestIsName);
}
