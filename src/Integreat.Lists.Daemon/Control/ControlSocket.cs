using Integreat.Lists.Storage;

namespace Integreat.Lists.Daemon.Control;

/// <summary>Where the daemon's control socket lives: <c>control.sock</c> in the data directory, so the CLI finds
/// it from the same settings that name the store.</summary>
public static class ControlSocket
{
    /// <summary>The socket's file name inside <see cref="StorageOptions.Directory"/>.</summary>
    public const string FileName = "control.sock";

    /// <summary>The full path of the socket; a relative data directory is resolved against the working directory,
    /// as it is for the store.</summary>
    public static string PathFor(StorageOptions storage) => Path.Combine(Path.GetFullPath(storage.Directory), FileName);
}
