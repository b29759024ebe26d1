using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Moderation;

/// <summary>Answers mail to <c>LIST-confirm+TOKEN@</c> when the token belongs to a held post: the words in the reply
/// decide (<see cref="ModerationVerb"/>). The token is the authentication, as for admin commands: it was only ever
/// mailed to the moderators; a guessed or expired token does nothing, and a hold is decided only once.</summary>
/// <remarks>The results quote what the moderator did and which post it was (<c>freigeben: „Betreff“ von ADRESSE</c>),
/// never the token (<see cref="ConfirmQuote"/> says why) nor the post's spool id, which means nothing by mail.</remarks>
public sealed class ModerationReplies(ConfirmationTokens tokens, HoldDecisions decisions, IHeldPostStore holds, IAuditLog audit)
{
    /// <summary>Acts on <paramref name="reply"/> when <paramref name="token"/> is a valid moderation token of
    /// <paramref name="list"/>.</summary>
    /// <returns>The result for the reply to the moderator, or null when the token is no moderation token (the
    /// caller then treats it as a subscription confirmation).</returns>
    public CommandResult? TryAnswer(MailingList list, string token, MimeMessage reply, string moderator)
    {
        // The token is not used up by an answer: the hold is decided only once (the command runner answers one mail
        // at a time), and a later answer, typically a second moderator's, must still learn which post it was and that
        // nothing is left to do. The token expires with the hold.
        if (tokens.FindModeration(list.Address, token) is not { Commands.Count: > 0 } pending) return null;
        var name = Name(pending);
        var id = pending.Commands[0];
        if (ModerationVerb.Parse(reply) is not { } verb)
        {
            var gone = holds.Find(id) is null ? Gone(list, id, name) : null;
            return new("Antwort zu " + name.German,
                gone?.German ?? "Bitte antworten Sie mit „freigeben“, „ablehnen GRUND“ oder „verwerfen“ in der ersten Zeile.",
                gone?.English ?? "Please reply with \"approve\", \"reject REASON\" or \"discard\" on the first line.") { EnglishCommand = "reply to " + name.English };
        }
        var outcome = verb.Verb switch
        {
            "approve" => decisions.Approve(id, verb.AcceptSender, moderator, "mail"),
            "reject" => decisions.Reject(id, verb.Reason, moderator, "mail"),
            _ => decisions.Discard(id, moderator, "mail"),
        };
        // Decided before (by another answer, on the web, by CLI or API) or expired: the outcome could only name the
        // id, which a moderator by mail never saw.
        if (!outcome.Done) outcome = Gone(list, id, name);
        return new(verb.German + ": " + name.German, outcome.German, outcome.English)
            { EnglishCommand = verb.English + ": " + name.English, Decision = outcome.Done };
    }

    /// <summary>What became of the hold <paramref name="id"/>, from the audit log's entry of its decision; without one
    /// (a log pruned by <c>Privacy:AuditRetention</c>) only that it is no longer held.</summary>
    HoldOutcome Gone(MailingList list, string id, PostName name)
        => audit.ForList(list.Address).LastOrDefault(e => e.Command.EndsWith(" " + id, StringComparison.Ordinal)) is { } decision
            ? HoldOutcome.Decided(name, decision)
            : HoldOutcome.Unknown(name);

    /// <summary>The post of <paramref name="pending"/>: from the hold while it exists, else from the token, which
    /// keeps the Subject (second entry) and the author for just this case.</summary>
    PostName Name(PendingRequest pending) => holds.Find(pending.Commands[0]) is { } post
        ? PostName.Of(post)
        // Tokens issued before the Subject was kept have none; "…" says "not known" without claiming "(kein Betreff)".
        : new PostName(pending.Commands.Count > 1 ? pending.Commands[1] : "…", pending.Address);
}
