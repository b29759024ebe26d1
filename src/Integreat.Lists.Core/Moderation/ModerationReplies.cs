using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Moderation;

/// <summary>Answers mail to <c>LIST-confirm+TOKEN@</c> when the token belongs to a held post: the words in the reply
/// decide (<see cref="ModerationVerb"/>). The token is the authentication, as for admin commands: it was only ever
/// mailed to the moderators; a guessed, expired or used token does nothing.</summary>
/// <remarks>The results quote what the moderator did and which post it was (<c>freigeben: „Betreff“ von ADRESSE</c>),
/// never the token (<see cref="ConfirmQuote"/> says why) nor the post's spool id, which means nothing by mail.</remarks>
public sealed class ModerationReplies(ConfirmationTokens tokens, HoldDecisions decisions, IHeldPostStore holds)
{
    /// <summary>Acts on <paramref name="reply"/> when <paramref name="token"/> is a valid moderation token of
    /// <paramref name="list"/>.</summary>
    /// <returns>The result for the reply to the moderator, or null when the token is no moderation token (the
    /// caller then treats it as a subscription confirmation).</returns>
    public CommandResult? TryAnswer(MailingList list, string token, MimeMessage reply, string moderator)
    {
        if (tokens.FindModeration(list.Address, token) is not { Commands.Count: > 0 } pending) return null;
        var name = Name(pending);
        // Without a word the token stays valid, so the moderator can simply answer again.
        if (ModerationVerb.Parse(reply) is not { } verb)
            return new("Antwort zu " + name.German, "Bitte antworten Sie mit „freigeben“, „ablehnen GRUND“ oder „verwerfen“ in der ersten Zeile.",
                "Please reply with \"approve\", \"reject REASON\" or \"discard\" on the first line.") { EnglishCommand = "reply to " + name.English };
        var request = tokens.RedeemModeration(list.Address, token);
        if (request is null || request.Commands.Count == 0) return ConfirmQuote.Unknown();
        var id = request.Commands[0];
        var outcome = verb.Verb switch
        {
            "approve" => decisions.Approve(id, verb.AcceptSender, moderator, "mail"),
            "reject" => decisions.Reject(id, verb.Reason, moderator, "mail"),
            _ => decisions.Discard(id, moderator, "mail"),
        };
        // Decided elsewhere first: the outcome could only name the id, which a moderator by mail never saw.
        if (!outcome.Done) outcome = HoldOutcome.Unknown(name);
        return new(verb.German + ": " + name.German, outcome.German, outcome.English) { EnglishCommand = verb.English + ": " + name.English };
    }

    /// <summary>The post of <paramref name="pending"/>: from the hold while it exists, else from the token, which
    /// keeps the Subject (second entry) and the author for just this case.</summary>
    PostName Name(PendingRequest pending) => holds.Find(pending.Commands[0]) is { } post
        ? PostName.Of(post)
        // Tokens issued before the Subject was kept have none; "…" says "not known" without claiming "(kein Betreff)".
        : new PostName(pending.Commands.Count > 1 ? pending.Commands[1] : "…", pending.Address);
}
