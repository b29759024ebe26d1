using MimeKit;

namespace Integreat.Lists.Core.Posting.Rules;

/// <summary>Rule <c>administrivia</c>: the subject, or one of the first body lines, is just a command such as
/// "abmelden" or "unsubscribe", so the post was meant for the <c>-request</c> address (Mailman's
/// <c>rules/administrivia.py</c>). Held so a moderator can tell the sender where commands go.</summary>
public sealed class AdministriviaRule : IPostingRule
{
    const int BodyLines = 5;

    /// <summary>Lines read at most to find <see cref="BodyLines"/> (a command is at the top of its mail).</summary>
    const int MaxLinesRead = 200;

    static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "abmelden", "anmelden", "austragen", "eintragen", "abbestellen", "hilfe", "unsubscribe", "subscribe", "remove",
        "signoff", "leave", "join", "help", "confirm", "bestätigen",
    };

    /// <inheritdoc/>
    public string Name => "administrivia";

    /// <inheritdoc/>
    public string Description => "The post looks like a command for the -request address.";

    /// <inheritdoc/>
    public bool Check(PostingContext post)
    {
        if (!post.List.Posting.Administrivia) return false;
        var lines = new List<string> { post.Headers[HeaderId.Subject] ?? "" };
        if (post.Parsed is { } parsed) lines.AddRange(FirstBodyLines(parsed));
        var command = lines.Select(FirstWord).FirstOrDefault(w => w is not null && Words.Contains(w));
        if (command is null) return false;
        post.Reasons.Add($"Die Nachricht sieht aus wie ein Befehl („{command}“); Befehle gehen an {post.List.Addresses.Request}. " +
                         $"/ The post looks like a command (\"{command}\"); commands go to {post.List.Addresses.Request}.");
        return true;
    }

    /// <summary>The first <see cref="BodyLines"/> non-empty, unquoted lines of the first inline text/plain part.</summary>
    /// <remarks>Read line by line from the decoded part, never the whole text: a 10 MB post must not become a 20 MB
    /// string and an array of its lines just to look at five of them (bench/README.md, memory).</remarks>
    static List<string> FirstBodyLines(MimeMessage message)
    {
        var lines = new List<string>();
        var part = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsPlain && !p.IsAttachment);
        if (part?.Content is null) return lines;
        using var reader = new StreamReader(part.Content.Open(), part.ContentType.CharsetEncoding ?? System.Text.Encoding.UTF8);
        for (var read = 0; lines.Count < BodyLines && read < MaxLinesRead && reader.ReadLine() is { } line; read++)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('>')) lines.Add(line);
        }
        return lines;
    }

    /// <summary>The line's only word (a command has at most two more words, e.g. an address), else null.</summary>
    static string? FirstWord(string line)
    {
        var words = line.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 2 ? words[0].TrimEnd(':', '.', '!') : null;
    }
}
