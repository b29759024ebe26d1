namespace Integreat.Lists.Core.Moderation;

/// <summary>The result of a moderator's decision, in both languages of a reply.</summary>
/// <param name="Done">False when the hold was unknown or already decided.</param>
/// <param name="German">What happened, in German.</param>
/// <param name="English">What happened, in English.</param>
public sealed record HoldOutcome(bool Done, string German, string English)
{
    /// <summary>The outcome for a hold that does not exist (any more).</summary>
    public static HoldOutcome Unknown(string id) => new(false,
        $"Die zurückgehaltene Nachricht {id} gibt es nicht (mehr); vielleicht hat schon jemand entschieden.",
        $"There is no held post {id} (any more); someone may have decided already.");
}
