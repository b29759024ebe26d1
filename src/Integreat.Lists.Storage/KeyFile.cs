using System.Security.Cryptography;

namespace Integreat.Lists.Storage;

/// <summary>A secret key of random bytes in a file of the storage directory (mode 0600, fsynced), made on first use.</summary>
public static class KeyFile
{
    /// <summary>Reads the key at <paramref name="path"/>, or makes one of <paramref name="length"/> random bytes.</summary>
    /// <exception cref="InvalidDataException">The file exists with another length.</exception>
    public static byte[] LoadOrCreate(string path, int length)
    {
        if (File.Exists(path)) return Checked(File.ReadAllBytes(path), path, length);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var file = new FileStream(path, options);
            file.Write(key);
            file.Flush(flushToDisk: true);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            return Checked(File.ReadAllBytes(path), path, length);
        }
    }

    static byte[] Checked(byte[] key, string path, int length)
        => key.Length == length ? key : throw new InvalidDataException($"{path} must hold {length} bytes; delete it to make a new key.");
}
