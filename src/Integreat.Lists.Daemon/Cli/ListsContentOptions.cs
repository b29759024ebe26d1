using System.CommandLine;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The content options of <c>lists set</c> (MIME filter, HTML conversion, footer) and how <c>lists show</c>
/// prints them.</summary>
internal sealed class ListsContentOptions
{
    /// <summary>The value of <c>--footer</c> that removes the footer.</summary>
    public const string NoFooter = "none";

    readonly Option<string> _filter = Choice("--mime-filter", "Posts with a blocked attachment: strip (remove it, note in the post), hold or off.",
        Words.Of<ContentFilterAction>());
    readonly Option<string> _convertHtml = Choice("--convert-html", "Give HTML-only posts a plain-text alternative: on or off.", ["on", "off"]);
    readonly Option<string[]> _blockType = Many("--block-type", "Block parts of this content type, e.g. application/x-msdownload or video/* (repeatable).", "TYPE");
    readonly Option<string[]> _unblockType = Many("--unblock-type", "Stop blocking a content type (repeatable).", "TYPE");
    readonly Option<string[]> _blockExtension = Many("--block-extension", "Block attachments whose file name ends in this extension, e.g. exe (repeatable).", "EXT");
    readonly Option<string[]> _unblockExtension = Many("--unblock-extension", "Stop blocking an extension (repeatable).", "EXT");
    readonly Option<string[]> _allowType = Many("--allow-type", "Allow only these content types besides text/plain, e.g. application/pdf or image/* (repeatable).", "TYPE");
    readonly Option<string[]> _disallowType = Many("--disallow-type", "Remove a type from the allowed list; an empty list allows every type not blocked (repeatable).", "TYPE");

    /// <summary><c>--footer FILE|none</c>: a Liquid file read when the command runs (by the daemon, when it runs).</summary>
    public Option<FileInfo> Footer { get; } = new("--footer")
    {
        Description = "The footer added to every post: a Liquid file (see config/templates/footer.liquid), or none.", HelpName = "FILE|none",
    };

    /// <summary>The options, to add to the command.</summary>
    public IEnumerable<Option> All => [Footer, _filter, _convertHtml, _blockType, _unblockType, _blockExtension, _unblockExtension, _allowType, _disallowType];

    /// <summary>The content changes the parsed options ask for.</summary>
    public ContentChanges Read(ParseResult parse) => new(
        Words.Parse<ContentFilterAction>(parse.GetValue(_filter)), parse.GetValue(_convertHtml) is { } on ? on == "on" : null,
        parse.GetValue(_blockType), parse.GetValue(_unblockType), parse.GetValue(_blockExtension), parse.GetValue(_unblockExtension),
        parse.GetValue(_allowType), parse.GetValue(_disallowType));

    /// <summary>The footer source the options ask for: the file's text, empty for <c>none</c>, null when not given.</summary>
    /// <exception cref="AdministrationException">The file cannot be read.</exception>
    public string? ReadFooter(ParseResult parse)
    {
        if (parse.GetResult(Footer) is not { Tokens: [var token, ..] }) return null;
        if (token.Value == NoFooter) return "";
        var file = parse.GetValue(Footer)!;
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AdministrationException($"cannot read the footer file {file.FullName}: {ex.Message}");
        }
    }

    /// <summary>Prints the content settings as 'key: value' lines.</summary>
    public static void Print(MailingList list, TextWriter output)
    {
        var content = list.Content;
        output.WriteLine("footer: " + (list.Footer.Length > 0 ? "set" : NoFooter));
        output.WriteLine("mime-filter: " + Words.Of(content.FilterAction));
        output.WriteLine("convert-html: " + (content.ConvertHtml ? "on" : "off"));
        output.WriteLine("blocked-types: " + Words.OrDash(string.Join(" ", content.BlockedTypes)));
        output.WriteLine("blocked-extensions: " + Words.OrDash(string.Join(" ", content.BlockedExtensions)));
        output.WriteLine("allowed-types: " + Words.OrDash(string.Join(" ", content.AllowedTypes)));
    }

    static Option<string> Choice(string name, string description, string[] words)
    {
        var option = new Option<string>(name) { Description = description };
        option.AcceptOnlyFromAmong(words);
        return option;
    }

    static Option<string[]> Many(string name, string description, string helpName)
        => new(name) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = false };
}
