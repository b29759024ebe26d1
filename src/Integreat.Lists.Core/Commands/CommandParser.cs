using Integreat.Lists.Core.Bounces;
using MimeKit;

namespace Integreat.Lists.Core.Commands;

/// <summary>Reads the commands of a mail to <c>LIST-request@</c>: the Subject, then the first text lines of the
/// body (the text/plain part, or the text of an HTML-only mail), one command per line.</summary>
/// <remarks>Reading stops at <c>end</c>/<c>ende</c>, at a signature separator (<c>-- </c>), at quoted text
/// (<c>&gt;</c>) and after <see cref="MaxLines"/> lines, as in Mailman's <c>runners/command.py</c>. A Subject
/// that names no command is free text and ignored; an unknown body line is reported.</remarks>
public static class CommandParser
{
    /// <summary>The most body lines read (blank lines are not counted).</summary>
    public const int MaxLines = 20;

    static readonly Dictionary<string, CommandWord> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = CommandWord.Help, ["hilfe"] = CommandWord.Help,
        ["join"] = CommandWord.Join, ["subscribe"] = CommandWord.Join, ["abonnieren"] = CommandWord.Join,
        ["leave"] = CommandWord.Leave, ["unsubscribe"] = CommandWord.Leave, ["abmelden"] = CommandWord.Leave,
        ["confirm"] = CommandWord.Confirm, ["bestätigen"] = CommandWord.Confirm, ["bestaetigen"] = CommandWord.Confirm,
        ["who"] = CommandWord.Who, ["mitglieder"] = CommandWord.Who,
        ["info"] = CommandWord.Info,
        ["end"] = CommandWord.End, ["ende"] = CommandWord.End,
        ["add"] = CommandWord.Add, ["hinzufügen"] = CommandWord.Add, ["hinzufuegen"] = CommandWord.Add,
        ["remove"] = CommandWord.Remove, ["entfernen"] = CommandWord.Remove,
        ["enable"] = CommandWord.Enable, ["aktivieren"] = CommandWord.Enable,
        ["set"] = CommandWord.Set, ["setzen"] = CommandWord.Set, ["setze"] = CommandWord.Set,
    };

    /// <summary>The commands of <paramref name="message"/>, in order, without the final <c>end</c>.</summary>
    public static IReadOnlyList<CommandLine> Parse(MimeMessage message)
    {
        var commands = new List<CommandLine>();
        var subject = Read(StripReplyPrefixes(message.Subject ?? ""));
        if (subject is { Word: CommandWord.End }) return commands;
        if (subject is { Word: not CommandWord.Unknown }) commands.Add(subject);
        var lines = 0;
        foreach (var raw in BodyText(message).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('>') || line is "-- " or "--") break;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (++lines > MaxLines) break;
            var command = Read(line)!;
            if (command.Word == CommandWord.End) break;
            // Outlook users often write the command as Subject and again as the first line; it runs once.
            if (lines == 1 && subject is { Word: not CommandWord.Unknown } && command.Text.Equals(subject.Text, StringComparison.OrdinalIgnoreCase)) continue;
            commands.Add(command);
        }
        return commands;
    }

    /// <summary>Reads one line; null for a blank one.</summary>
    public static CommandLine? Read(string line)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return null;
        var word = Words.GetValueOrDefault(Normalised(words[0]), CommandWord.Unknown);
        return new CommandLine(line.Trim(), word, words[1..]);
    }

    /// <summary>The word in Unicode form C; as it is when it cannot be normalised (a lone surrogate, from text
    /// decoded with a wrong charset), which then matches no command.</summary>
    static string Normalised(string word)
    {
        try
        {
            return word.Normalize();
        }
        catch (ArgumentException)
        {
            return word;
        }
    }

    /// <summary>Removes any number of leading <c>Re:</c>/<c>AW:</c> (and <c>Fwd:</c>/<c>WG:</c>) prefixes.</summary>
    public static string StripReplyPrefixes(string subject)
    {
        var text = subject.Trim();
        while (true)
        {
            var colon = text.IndexOf(':');
            if (colon is < 2 or > 3) return text;
            var prefix = text[..colon];
            if (!prefix.Equals("re", StringComparison.OrdinalIgnoreCase) && !prefix.Equals("aw", StringComparison.OrdinalIgnoreCase)
                && !prefix.Equals("fwd", StringComparison.OrdinalIgnoreCase) && !prefix.Equals("wg", StringComparison.OrdinalIgnoreCase))
                return text;
            text = text[(colon + 1)..].TrimStart();
        }
    }

    static string BodyText(MimeMessage message)
    {
        var plain = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsPlain && !p.IsAttachment);
        if (plain is not null) return plain.Text ?? "";
        var html = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsHtml && !p.IsAttachment);
        return html is null ? "" : HtmlText.ToPlain(html.Text ?? "");
    }
}
