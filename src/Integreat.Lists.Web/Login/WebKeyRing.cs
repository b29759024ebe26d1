namespace Integreat.Lists.Web.Login;

/// <summary>Where the web port keeps the keys that protect its cookies (ASP.NET Core data protection), so sessions
/// survive a restart. Registered by the composition root; without it the keys live in memory only.</summary>
/// <param name="Directory">An absolute directory, created when missing.</param>
/// <remarks>The key files hold the master key in plain XML (no XML encryptor: it would need a second secret kept
/// somewhere else), so the directory is readable by the daemon's user only, as the DKIM keys are.</remarks>
public sealed record WebKeyRing(string Directory)
{
    /// <summary>Creates the directory (mode 0700 on Unix) or narrows an existing one to 0700.</summary>
    /// <returns>The directory.</returns>
    public DirectoryInfo Open()
    {
        if (OperatingSystem.IsWindows()) return System.IO.Directory.CreateDirectory(Directory);
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var directory = System.IO.Directory.CreateDirectory(Directory, owner);
        File.SetUnixFileMode(Directory, owner);
        return directory;
    }
}
