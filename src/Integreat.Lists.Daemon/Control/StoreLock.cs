using Integreat.Lists.Storage;

namespace Integreat.Lists.Daemon.Control;

/// <summary>An exclusive lock on the data directory (<c>store.lock</c>): <c>serve</c> holds it for the daemon's
/// lifetime, and a CLI command holds it while it opens the store itself.</summary>
/// <remarks>LiteDB 5 in direct mode does not keep a second process out on Linux: its writer opens the file with
/// <c>FileShare.Read</c>, which .NET maps to a shared <c>flock</c>, so a CLI and the daemon could both write the
/// file, each with its own cache, and corrupt it. A <c>FileShare.None</c> stream is an exclusive <c>flock</c> (a
/// sharing lock on Windows); the kernel drops it when the process dies, so a crash never leaves it stuck.</remarks>
public sealed class StoreLock : IDisposable
{
    /// <summary>The lock file's name inside <see cref="StorageOptions.Directory"/>.</summary>
    public const string FileName = "store.lock";

    static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);
    readonly FileStream _file;

    StoreLock(FileStream file) => _file = file;

    /// <summary>Takes the lock if no other process holds it.</summary>
    /// <returns>The held lock (dispose to release), or null when another process holds it.</returns>
    /// <exception cref="UnauthorizedAccessException">The data directory is not writable.</exception>
    public static StoreLock? TryAcquire(StorageOptions storage)
    {
        var directory = Path.GetFullPath(storage.Directory);
        Directory.CreateDirectory(directory);
        try
        {
            // The file is never deleted: removing a locked file would let the next process lock a different one.
            return new StoreLock(new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for another process to release it.</summary>
    /// <returns>The held lock, or null when it was still held elsewhere after <paramref name="wait"/>.</returns>
    public static async Task<StoreLock?> AcquireAsync(StorageOptions storage, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var held = TryAcquire(storage);
            if (held is not null || DateTime.UtcNow >= deadline) return held;
            await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits between two attempts of a caller's own retry loop.</summary>
    public static Task PauseAsync(CancellationToken cancellationToken) => Task.Delay(RetryInterval, cancellationToken);

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();
}
