using Integreat.Lists.Core.Dmarc;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary>Reads <see cref="Core.Configuration.DnsOptions.PublicSuffixList"/> once at start.</summary>
public static class PublicSuffixFile
{
    /// <summary>The list in <paramref name="path"/>, or <see cref="PublicSuffixList.Empty"/> (logged as a warning)
    /// when the file is missing or unreadable: DMARC lookups then still work, with cruder organisational domains.</summary>
    public static PublicSuffixList Load(string path, ILogger logger)
    {
        try
        {
            using var reader = File.OpenText(path);
            return PublicSuffixList.Parse(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Public Suffix List {Path} not readable ({Error}); organisational domains are the last two labels. Install Debian package publicsuffix.",
                path, ex.Message);
            return PublicSuffixList.Empty;
        }
    }
}
