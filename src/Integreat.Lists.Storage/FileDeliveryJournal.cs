using System.Collections.Concurrent;
using System.Text;
using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Storage;

/// <summary>Journals as files <c>spool/out/JOBID.journal</c>, one <c>CODE RECIPIENT</c> line per outcome.</summary>
/// <remarks>Each line is written with one unbuffered write, so it reaches the kernel before the next
/// transaction starts; a torn last line (power loss) is ignored, which at worst repeats one delivery. The file stays
/// open while its job is attempted (one open per job, not per recipient) and is closed by <see cref="Delete"/>.</remarks>
public sealed class FileDeliveryJournal : IDeliveryJournal
{
    readonly string _dir;
    readonly ConcurrentDictionary<string, FileStream> _open = new();

    /// <summary>Creates the journal store under <c>SPOOL/out</c>.</summary>
    public FileDeliveryJournal(string spoolRoot)
    {
        _dir = Path.Combine(spoolRoot, "out");
        Directory.CreateDirectory(_dir);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, int> Read(string jobId)
    {
        // A stream left from an earlier attempt that never finished (shunted, cancelled) is closed before reading.
        if (_open.TryRemove(jobId, out var stale)) stale.Dispose();
        var path = PathOf(jobId);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && parts[0].Length == 3 && int.TryParse(parts[0], out var code)) result[parts[1]] = code;
        }
        return result;
    }

    /// <inheritdoc/>
    public void Append(string jobId, string recipient, int code)
    {
        // One worker attempts a job at a time, so the stream of a job is never written concurrently.
        var file = _open.GetOrAdd(jobId,
            id => new FileStream(PathOf(id), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0));
        file.Write(Encoding.UTF8.GetBytes($"{code} {recipient}\n"));
    }

    /// <inheritdoc/>
    public void Delete(string jobId)
    {
        if (_open.TryRemove(jobId, out var file)) file.Dispose();
        File.Delete(PathOf(jobId));
    }

    string PathOf(string jobId) => Path.Combine(_dir, jobId + ".journal");
}
