namespace Integreat.Lists.Storage;

/// <summary>One distributed post in collection <c>recent_posts</c>: which list sent which Message-ID to whom.</summary>
public sealed class RecentPost
{
    /// <summary>The key, <c>LIST|MESSAGE-ID</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The list's posting address.</summary>
    public string List { get; set; } = "";

    /// <summary>The Message-ID as in the header, angle brackets included.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>The member addresses it went to.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>When it was distributed (UTC).</summary>
    public DateTime PostedUtc { get; set; }
}
