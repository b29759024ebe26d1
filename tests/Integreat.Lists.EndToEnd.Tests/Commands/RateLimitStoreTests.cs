using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>The LiteDB rate-limit store: a sliding window per key, kept across a reopen of the database.</summary>
public sealed class RateLimitStoreTests : IDisposable
{
    static readonly DateTime Nine = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    readonly string _path = Path.Combine(Path.GetTempPath(), "integreat-ratelimit-" + Guid.NewGuid().ToString("N"), "lists.db");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Fact]
    public void TheWindowSlidesPerKeyAndSurvivesAReopen()
    {
        using (var store = new LiteStore(_path))
        {
            var limits = new LiteRateLimitStore(store);
            Assert.True(limits.TryAcquire("replies|l|a", Nine, TimeSpan.FromHours(1), 2));
            Assert.True(limits.TryAcquire("replies|l|a", Nine.AddMinutes(30), TimeSpan.FromHours(1), 2));
            Assert.False(limits.TryAcquire("replies|l|a", Nine.AddMinutes(59), TimeSpan.FromHours(1), 2));
            Assert.True(limits.TryAcquire("replies|l|b", Nine.AddMinutes(59), TimeSpan.FromHours(1), 2));
        }

        using var reopened = new LiteStore(_path);
        var again = new LiteRateLimitStore(reopened);
        Assert.False(again.TryAcquire("replies|l|a", Nine.AddMinutes(59), TimeSpan.FromHours(1), 2));
        // The first event left the window at 10:00; one place is free again, not two.
        Assert.True(again.TryAcquire("replies|l|a", Nine.AddHours(1), TimeSpan.FromHours(1), 2));
        Assert.False(again.TryAcquire("replies|l|a", Nine.AddHours(1), TimeSpan.FromHours(1), 2));
    }
}
