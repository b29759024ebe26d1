namespace Integreat.Lists.Storage;

/// <summary>The recent event times of one rate-limit key, in collection <c>rate_limits</c>.</summary>
public sealed class RateLimitEntry
{
    /// <summary>The key, e.g. <c>replies|LIST|ADDRESS</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The event times within the window (UTC), oldest first.</summary>
    public List<DateTime> Times { get; set; } = [];

    /// <summary>When the entry is of no use any more (the newest event plus the window, UTC); swept after that.</summary>
    public DateTime ExpiresUtc { get; set; }
}
