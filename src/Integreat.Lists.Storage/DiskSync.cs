using System.Runtime.InteropServices;

namespace Integreat.Lists.Storage;

/// <summary>Forces file and directory contents to stable storage (fsync, POSIX.1-2008).</summary>
/// <remarks>.NET offers <see cref="FileStream.Flush(bool)"/> for files but nothing for directories, and a
/// rename is only durable once its directory is synced. LiteDB 5 never fsyncs its log on commit (LIBRARIES.md
/// §4.4), so <see cref="File"/> is also used on its log before a spool file it replaces is removed.</remarks>
public static partial class DiskSync
{
    const int ReadOnly = 0;
    const int DirectoryFlag = 0x10000;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    /// <summary>Syncs a directory so that renames and creations in it survive a power loss. No-op off Unix.</summary>
    /// <exception cref="IOException">fsync failed.</exception>
    public static void Directory(string path) => SyncPath(path, ReadOnly | DirectoryFlag);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> durably and whole or not at all: to
    /// <c>path.tmp</c>, fsync, rename, fsync of the directory.</summary>
    /// <exception cref="IOException">Writing or syncing failed.</exception>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = path + ".tmp";
        using (var file = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        System.IO.File.Move(tmp, path, overwrite: true);
        Directory(Path.GetDirectoryName(path)!);
    }

    /// <summary>Syncs a file that another component has open (e.g. LiteDB's log). No-op when it does not exist.</summary>
    /// <exception cref="IOException">fsync failed.</exception>
    public static void File(string path)
    {
        if (!System.IO.File.Exists(path)) return;
        SyncPath(path, ReadOnly);
    }

    static void SyncPath(string path, int flags)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(path, flags);
        if (fd < 0) throw new IOException($"cannot open {path} to sync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of {path} failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }
}
