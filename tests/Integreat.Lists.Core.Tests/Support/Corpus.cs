namespace Integreat.Lists.Core.Tests.Support;

/// <summary>Finds the shared message corpus: <c>shared/corpus</c> next to the repository directory
/// (<c>../shared/corpus</c> from the repository root), searched upwards from the test binaries.</summary>
internal static class Corpus
{
    static readonly Lazy<string> Root = new(Locate);

    /// <summary>The corpus directory; throws when it cannot be found, so corpus tests never pass vacuously.</summary>
    public static string Directory => Root.Value;

    /// <summary>A sub-folder of the corpus, e.g. <c>autoreplies</c>.</summary>
    public static string Folder(string name) => Path.Combine(Directory, name);

    static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"no shared/corpus directory above {AppContext.BaseDirectory}; the corpus must sit next to the repository (../shared/corpus)");
    }
}
