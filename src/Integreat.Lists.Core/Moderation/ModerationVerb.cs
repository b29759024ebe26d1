using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Moderation;

/// <summary>A moderator's answer read from a reply: the first word of the first unquoted body line, else of the
/// Subject after any <c>Re:</c>/<c>AW:</c>. German and English words.</summary>
/// <param name="Verb">approve, reject or discard.</param>
/// <param name="AcceptSender">approve with <c>accept-sender</c> (or <c>absender-freigeben</c>).</param>
/// <param name="Reason">For reject: the rest of the line.</param>
public sealed partial record ModerationVerb(string Verb, bool AcceptSender, string Reason)
{
    const int BodyLines = 3;

    static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["approve"] = "approve", ["freigeben"] = "approve", ["accept"] = "approve",
        ["reject"] = "reject", ["ablehnen"] = "reject",
        ["discard"] = "discard", ["verwerfen"] = "discard",
    };

    /// <summary>What the moderator did, in German words of the reply (<c>freigeben</c>, <c>ablehnen</c> …), for the results.</summary>
    public string German => Verb switch
    {
        "approve" => AcceptSender ? "freigeben und Absender künftig zulassen" : "freigeben",
        "reject" => "ablehnen",
        _ => "verwerfen",
    };

    /// <summary>What the moderator did, in English words (<c>approve</c>, <c>reject</c> …), for the results.</summary>
    public string English => Verb switch
    {
        "approve" => AcceptSender ? "approve and accept the sender from now on" : "approve",
        "reject" => "reject",
        _ => "discard",
    };

    /// <summary>Reads the answer from <paramref name="reply"/>; null when it holds none of the words.</summary>
    public static ModerationVerb? Parse(MimeMessage reply)
    {
        var body = (reply.TextBody ?? "").Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0).Take(BodyLines).TakeWhile(l => !l.StartsWith('>'));
        var subject = ReplyPrefix().Replace(reply.Subject ?? "", "");
        return body.Append(subject).Select(FromLine).FirstOrDefault(v => v is not null);
    }

    static ModerationVerb? FromLine(string line)
    {
        var words = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !Words.TryGetValue(words[0].TrimEnd('.', '!', ':'), out var verb)) return null;
        var rest = words.Length > 1 ? words[1].Trim() : "";
        var accept = verb == "approve" && rest.Split(' ').Any(w => w.Equals("accept-sender", StringComparison.OrdinalIgnoreCase)
                                                                   || w.Equals("absender-freigeben", StringComparison.OrdinalIgnoreCase));
        return new ModerationVerb(verb, accept, verb == "reject" ? rest : "");
    }

    [GeneratedRegex(@"^\s*((re|aw|wg|fwd?|sv|antw)\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();
}
