using Integreat.Lists.Core.Archiving;

namespace Integreat.Lists.Daemon.Configuration;

/// <summary>Checks section <c>Archive</c>, one sentence per problem.</summary>
public static class ArchiveValidator
{
    /// <summary>Returns the problems; empty when the section is usable.</summary>
    public static IReadOnlyList<string> Validate(ArchiveOptions archive)
    {
        var problems = new List<string>();
        if (archive.SenderAddress is not (ArchiveOptions.Hidden or ArchiveOptions.Obfuscated))
            problems.Add($"Archive:SenderAddress '{archive.SenderAddress}' must be 'hidden' or 'obfuscated'.");
        if (archive.SubjectThreadWindow < TimeSpan.Zero) problems.Add("Archive:SubjectThreadWindow must not be negative (0 turns the subject fallback off).");
        if (archive.SearchPageSize is < 1 or > 200) problems.Add($"Archive:SearchPageSize {archive.SearchPageSize} must be between 1 and 200.");
        return problems;
    }
}
