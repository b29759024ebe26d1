namespace Integreat.Lists.EndToEnd.Tests.Infrastructure;

/// <summary>Finds <c>../shared</c> beside the repository (as in CI and in the sandbox).</summary>
public static class SharedCorpus
{
    /// <summary>The <c>shared</c> folder; walks up from the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (Directory.Exists(candidate)) return Path.Combine(dir.FullName, "shared");
            }
            throw new DirectoryNotFoundException("../shared/corpus not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A file's bytes with every line ending made CRLF, as an SMTP client sends it (RFC 5321 §2.3.8).</summary>
    public static byte[] AsSmtpBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var output = new List<byte>(bytes.Length + bytes.Length / 20);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) output.Add((byte)'\r');
            output.Add(bytes[i]);
        }
        if (output.Count < 2 || output[^1] != '\n') output.AddRange("\r\n"u8.ToArray());
        return output.ToArray();
    }
}
