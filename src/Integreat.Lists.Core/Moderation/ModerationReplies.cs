using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Moderation;

/// <summary>Answers mail to <c>LIST-confirm+TOKEN@</c> when the token belongs to a held post: the words in the reply
/// decide (<see cref="ModerationVerb"/>). The token is the authentication, as for admin commands: it was only ever
/// mailed to the moderators; a guessed, expired or used token does nothing.</summary>
public sealed class ModerationReplies(ConfirmationTokens tokens, HoldDecisions decisions)
{
    /// <summary>Acts on <paramref name="reply"/> when <paramref name="token"/> is a valid moderation token of
    /// <paramref name="list"/>.</summary>
    /// <returns>The result for the reply to the moderator, or null when the token is no moderation token (the
    /// caller then treats it as a subscription confirmation).</returns>
    public CommandResult? TryAnswer(MailingList list, string token, MimeMessage reply, string moderator)
    {
        if (tokens.FindModeration(list.Address, token) is null) return null;
        var command = "confirm " + token;
        // Without a word the token stays valid, so the moderator can simply answer again.
        if (ModerationVerb.Parse(reply) is not { } verb)
            return new(command, "Bitte antworten Sie mit „freigeben“, „ablehnen GRUND“ oder „verwerfen“ in der ersten Zeile.",
                "Please reply with \"approve\", \"reject REASON\" or \"discard\" on the first line.");
        var request = tokens.RedeemModeration(list.Address, token);
        if (request is null || request.Commands.Count == 0)
            return new(command, "Dieser Code ist unbekannt, abgelaufen oder wurde schon verwendet.", "This code is unknown, has expired or was used already.");
        var id = request.Commands[0];
        var outcome = verb.Verb switch
        {
            "approve" => decisions.Approve(id, verb.AcceptSender, moderator, "mail"),
            "reject" => decisions.Reject(id, verb.Reason, moderator, "mail"),
            _ => decisions.Discard(id, moderator, "mail"),
        };
        return new(command, outcome.German, outcome.English);
    }
}
