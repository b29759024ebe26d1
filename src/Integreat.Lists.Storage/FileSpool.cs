using System.Buffers;
using System.Text.Json;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Messages;

namespace Integreat.Lists.Storage;

/// <summary>The spool on disk: <c>spool/QUEUE/ID.msg</c>, one file per entry.</summary>
/// <remarks>File format: one line of JSON (<see cref="MessageData"/>), a LF, then the raw message bytes exactly
/// as received. An entry is written to <c>spool/tmp</c>, fsynced, renamed into its queue and the queue directory
/// fsynced, so it is either whole or absent (Postfix's queue-file discipline). Leftovers in <c>tmp</c> were never
/// acknowledged and are removed at start.</remarks>
public sealed class FileSpool : ISpool
{
    const string Extension = ".msg";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string _root;
    readonly string _tmp;

    /// <summary>Creates the spool under <paramref name="root"/>, creating every queue folder.</summary>
    public FileSpool(string root)
    {
        _root = root;
        _tmp = Path.Combine(root, "tmp");
        System.IO.Directory.CreateDirectory(_tmp);
        foreach (var queue in Core.Queues.QueueName.All) System.IO.Directory.CreateDirectory(Path.Combine(root, queue));
        foreach (var stale in System.IO.Directory.EnumerateFiles(_tmp)) File.Delete(stale);
    }

    /// <inheritdoc/>
    public void Enqueue(string queue, MessageData data, ReadOnlySequence<byte> raw)
    {
        var tmp = Path.Combine(_tmp, data.Id + "." + Guid.NewGuid().ToString("N") + Extension);
        try
        {
            using (var file = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                file.Write(JsonSerializer.SerializeToUtf8Bytes(data, Json));
                file.WriteByte((byte)'\n');
                foreach (var segment in raw) file.Write(segment.Span);
                file.Flush(flushToDisk: true);
            }
            File.Move(tmp, PathOf(queue, data.Id), overwrite: true);
            DiskSync.Directory(Path.Combine(_root, queue));
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> List(string queue) => System.IO.Directory
        .EnumerateFiles(Path.Combine(_root, queue), "*" + Extension)
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <inheritdoc/>
    public SpoolEntry Read(string queue, string id)
    {
        using var file = new FileStream(PathOf(queue, id), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var metadata = MetadataLine(file, id);
        MessageData? data;
        try { data = JsonSerializer.Deserialize<MessageData>(metadata, Json); }
        catch (JsonException ex) { throw new InvalidDataException($"spool entry {id} has unreadable metadata: {ex.Message}", ex); }
        if (data is null) throw new InvalidDataException($"spool entry {id} has empty metadata");
        // The message is read into one array of its exact size: a 10 MB post is not read whole and then copied.
        var raw = GC.AllocateUninitializedArray<byte>(checked((int)(file.Length - file.Position)));
        file.ReadExactly(raw);
        return new SpoolEntry(queue, data, raw);
    }

    /// <summary>The first line (without its LF); leaves <paramref name="file"/> at the message's first byte.</summary>
    /// <exception cref="InvalidDataException">The file has no LF.</exception>
    static byte[] MetadataLine(FileStream file, string id)
    {
        // The line is JSON, usually a few hundred bytes; 10,000 recipients make it a few hundred KB.
        using var line = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = file.Read(chunk)) > 0)
        {
            var newline = Array.IndexOf(chunk, (byte)'\n', 0, read);
            if (newline >= 0)
            {
                line.Write(chunk, 0, newline);
                file.Position -= read - newline - 1;
                return line.ToArray();
            }
            line.Write(chunk, 0, read);
        }
        throw new InvalidDataException($"spool entry {id} has no metadata line");
    }

    /// <inheritdoc/>
    public void Move(string fromQueue, string id, string toQueue, MessageData data)
    {
        var entry = Read(fromQueue, id);
        Enqueue(toQueue, data, new ReadOnlySequence<byte>(entry.Raw));
        if (fromQueue != toQueue || data.Id != id) Delete(fromQueue, id);
    }

    /// <inheritdoc/>
    public void Delete(string queue, string id) => File.Delete(PathOf(queue, id));

    /// <inheritdoc/>
    public string PathOf(string queue, string id)
    {
        if (id.Contains('/') || id.Contains('\\') || id.Contains("..")) throw new ArgumentException($"invalid spool id {id}");
        return Path.Combine(_root, queue, id + Extension);
    }
}
