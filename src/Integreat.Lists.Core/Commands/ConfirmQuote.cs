namespace Integreat.Lists.Core.Commands;

/// <summary>How a mail to <c>LIST-confirm+TOKEN@</c> is quoted in the results: as what it was, never by its token.</summary>
/// <remarks>The token is a secret that authorises the confirmation (or a moderator's decision); quoting it back puts it
/// into one more mailbox, and to the people who get these mails it is meaningless noise anyway.</remarks>
public static class ConfirmQuote
{
    /// <summary>The German quote of a confirmation by reply.</summary>
    public const string German = "bestätigen (Code aus der Benachrichtigung)";

    /// <summary>The English quote of a confirmation by reply.</summary>
    public const string English = "confirm (code from the notice)";

    /// <summary><paramref name="result"/> quoted as a confirmation by reply, in both languages.</summary>
    public static CommandResult Describe(CommandResult result) => result with { Command = German, EnglishCommand = English };

    /// <summary>The answer to a token that is unknown, expired or used (no token is echoed).</summary>
    public static CommandResult Unknown() => new(German, "Dieser Code ist unbekannt, abgelaufen oder wurde schon verwendet.",
        "This code is unknown, has expired or was used already.") { EnglishCommand = English };
}
