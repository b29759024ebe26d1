namespace Integreat.Lists.Core.Configuration;

/// <summary>Settings of section <c>Moderation</c>: the hold queue and duplicate suppression.</summary>
public sealed class ModerationOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Moderation";

    /// <summary>How long a held post waits for a moderator; then it is discarded with one notice to the poster.
    /// The moderation token in the notice is valid as long.</summary>
    public TimeSpan HoldExpiry { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often moderators get a reminder of the posts still held on their list.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the daemon looks for expired holds and due reminders.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a Message-ID is remembered: the same post again within this time goes out once per member.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(3);
}
