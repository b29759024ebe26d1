using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>The outgoing store keeps one copy of a post in memory for all its delivery jobs, and never a stale one.</summary>
public sealed class OutgoingStoreTests : IDisposable
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), "integreat-out-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EveryJobOfAPostReadsTheSameBytesAndARewriteIsReadAfresh()
    {
        var store = new FileOutgoingStore(_directory);
        store.Write("post-1", "first"u8.ToArray());

        var first = store.Read("post-1");
        Assert.Same(first, store.Read("post-1"));

        store.Write("post-1", "second"u8.ToArray());
        Assert.Equal("second"u8.ToArray(), store.Read("post-1"));
        store.Delete("post-1");
        Assert.Throws<FileNotFoundException>(() => store.Read("post-1"));
    }

    [Fact]
    public void TheCacheHoldsAtMostItsBudgetButAlwaysTheLastPost()
    {
        var store = new FileOutgoingStore(_directory);
        var big = new byte[FileOutgoingStore.CacheBytes / 2 + 1];
        store.Write("a", big);
        store.Write("b", big);
        var a = store.Read("a");
        var b = store.Read("b");
        // Two halves and a byte do not fit: "a" was dropped and is read from disk again.
        Assert.Same(b, store.Read("b"));
        Assert.NotSame(a, store.Read("a"));
    }
}
