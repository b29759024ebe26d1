using System.Text;

namespace Integreat.Lists.Core.Tests.Content;

/// <summary>The golden files in <c>Content/Fixtures</c>: NAME.in.eml (a post) and NAME.out.eml (what the members get).
/// Line ends are normalised to CRLF on reading, so the files may be checked out with either.</summary>
internal static class Golden
{
    /// <summary>The fixtures folder beside the test binaries.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Content", "Fixtures");

    /// <summary>The bytes of a fixture with CRLF line ends.</summary>
    public static byte[] Read(string file) => Crlf(File.ReadAllBytes(Path.Combine(Folder, file)));

    /// <summary><paramref name="bytes"/> with every bare LF made CRLF, as SMTP carries a message.</summary>
    public static byte[] Crlf(byte[] bytes)
    {
        var output = new List<byte>(bytes.Length + bytes.Length / 20);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) output.Add((byte)'\r');
            output.Add(bytes[i]);
        }
        return output.ToArray();
    }

    /// <summary>Writes an expected output into the source tree (only when INTEGREAT_UPDATE_GOLDEN=1 is set, to make
    /// new fixtures; every run without it compares).</summary>
    public static void Update(string file, byte[] bytes)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var source = Path.Combine(dir.FullName, "Content", "Fixtures");
            if (dir.Name == "Integreat.Lists.Core.Tests" && Directory.Exists(source))
            {
                File.WriteAllBytes(Path.Combine(source, file), bytes);
                return;
            }
        }
        throw new DirectoryNotFoundException("the test project's Content/Fixtures folder was not found");
    }
}
