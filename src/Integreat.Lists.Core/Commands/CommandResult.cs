namespace Integreat.Lists.Core.Commands;

/// <summary>The outcome of one command, in both languages of the reply.</summary>
/// <param name="Command">The command line as the sender wrote it, or (for a reply to a token address) a German
/// description of it; quoted above the result in both parts unless <see cref="EnglishCommand"/> is set.</param>
/// <param name="German">The result in German (Sie-Form).</param>
/// <param name="English">The result in English.</param>
public sealed record CommandResult(string Command, string German, string English)
{
    /// <summary>True when the mail must not be answered at all: its answer would go to an address that reached its
    /// limit of confirmation requests, and a reply would flood it just the same.</summary>
    public bool Quiet { get; init; }

    /// <summary>True for a moderator's decision on a held post that took effect: its results go out even past
    /// <c>Commands:MaxRepliesPerHour</c>, so a moderator working through many holds learns that each answer worked.
    /// Each hold is decided once, so these replies are bounded by the holds, not by what anyone sends.</summary>
    public bool Decision { get; init; }

    /// <summary>The command as quoted in the English part, when it is a description rather than the sender's own
    /// words (<see cref="ConfirmQuote"/>); null: <see cref="Command"/> in both parts.</summary>
    public string? EnglishCommand { get; init; }
}
