using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Integreat.Lists.Storage;

/// <summary>A backup of the data directory as one <c>.tar.gz</c>: <c>backup.json</c> (release, schema version,
/// time), <c>lists.db</c>, <c>spool/</c> (every queue and the outgoing messages and journals), <c>keys/</c>, <c>dkim/</c> (the DKIM private keys), <c>web-keys/</c> (the sign-in cookies' keys) and <c>archive/</c> (archived posts).</summary>
/// <remarks>The caller makes sure nothing writes meanwhile (the daemon closes its processing gate; the CLI holds
/// the store lock). Files in <c>spool/tmp</c> and <c>*.tmp</c> are half-written by definition and left out.
/// The archive is written to <c>FILE.tmp</c>, fsynced and renamed, so FILE is whole or absent.</remarks>
public static class StoreBackup
{
    /// <summary>The manifest's name in the archive.</summary>
    public const string ManifestName = "backup.json";

    static readonly string[] Roots = ["spool", "keys", "archive", "dkim", "web-keys"];

    /// <summary>The roots that hold private keys: readable by the daemon's user only, also after a restore.</summary>
    static readonly string[] SecretRoots = ["keys", "dkim", "web-keys"];

    const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode OwnerDirectory = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>Writes the backup of <paramref name="storage"/>'s directory to <paramref name="file"/>.</summary>
    /// <returns>How many files the archive holds besides the manifest.</returns>
    public static int Write(LiteStore store, StorageOptions storage, string file, string release, DateTime nowUtc)
    {
        store.Database.Checkpoint();
        var directory = Path.GetFullPath(storage.Directory);
        var tmp = file + ".tmp";
        var count = 0;
        // The backup holds the private keys and every member's address: readable by the daemon's user only.
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = OwnerFile;
        using (var output = new FileStream(tmp, create))
        {
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
            {
                var manifest = new BackupManifest(release, StoreSchema.Current, nowUtc);
                WriteBytes(tar, ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest));
                WriteFile(tar, storage.DatabasePath, "lists.db");
                count++;
                foreach (var path in Roots.Select(r => Path.Combine(directory, r)).Where(Directory.Exists)
                             .SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories)).Where(Wanted(directory)))
                {
                    WriteFile(tar, path, Path.GetRelativePath(directory, path).Replace('\\', '/'));
                    count++;
                }
            }
            output.Flush(flushToDisk: true);
        }
        File.Move(tmp, file, overwrite: true);
        return count;
    }

    /// <summary>Unpacks <paramref name="file"/> into <paramref name="storage"/>'s directory, which must hold no
    /// store and no spool yet.</summary>
    /// <returns>The manifest of the backup.</returns>
    /// <exception cref="InvalidDataException">The file is not a backup, or holds a path outside the data directory.</exception>
    /// <exception cref="IOException">The data directory already holds a store or a spool.</exception>
    public static BackupManifest Restore(string file, StorageOptions storage)
    {
        var directory = Path.GetFullPath(storage.Directory);
        if (File.Exists(storage.DatabasePath) || Directory.Exists(storage.SpoolPath))
            throw new IOException($"{directory} already holds a store or a spool; restore only into an empty data directory");
        Directory.CreateDirectory(directory);
        BackupManifest? manifest = null;
        using (var input = File.OpenRead(file))
        using (var gzip = new GZipStream(input, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                if (entry.Name == ManifestName)
                {
                    manifest = JsonSerializer.Deserialize<BackupManifest>(entry.DataStream!);
                    continue;
                }
                var target = Path.GetFullPath(Path.Combine(directory, entry.Name));
                if (!IsAllowed(entry.Name) || !target.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new InvalidDataException($"{file} holds '{entry.Name}', which is not part of a data directory");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: false);
                DiskSync.File(target);
            }
        }
        NarrowSecrets(directory);
        return manifest ?? throw new InvalidDataException($"{file} is not an Integreat.Lists backup: it has no {ManifestName}");
    }

    /// <summary>Key directories 0700 and their files 0600, whatever modes the backup recorded (backups written before
    /// modes were kept recorded 0644).</summary>
    static void NarrowSecrets(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var root in SecretRoots.Select(r => Path.Combine(directory, r)).Where(Directory.Exists))
        {
            foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Append(root))
                File.SetUnixFileMode(folder, OwnerDirectory);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                File.SetUnixFileMode(file, OwnerFile);
        }
    }

    static Func<string, bool> Wanted(string directory) => path =>
    {
        var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
        return !relative.StartsWith("spool/tmp/", StringComparison.Ordinal) && !relative.EndsWith(".tmp", StringComparison.Ordinal);
    };

    static bool IsAllowed(string name)
        => name == "lists.db" || Roots.Any(r => name.StartsWith(r + "/", StringComparison.Ordinal)) && !name.Contains("..");

    static void WriteFile(TarWriter tar, string path, string name)
    {
        // The daemon keeps the store open; share it so the copy does not take LiteDB's lock.
        using var data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data, ModificationTime = File.GetLastWriteTimeUtc(path) };
        if (!OperatingSystem.IsWindows()) entry.Mode = File.GetUnixFileMode(path);
        tar.WriteEntry(entry);
    }

    static void WriteBytes(TarWriter tar, string name, byte[] bytes)
    {
        using var data = new MemoryStream(bytes, writable: false);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data });
    }
}
