using System.CommandLine;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The posting chain options of <c>lists set</c> and how <c>lists show</c> prints them.</summary>
internal sealed class ListsPostingOptions
{
    static readonly string[] OnOff = ["on", "off"];

    readonly Option<string> _emergency = Switch("--emergency", "Hold every post (on) or not (off).");
    readonly Option<string> _passphrase = new("--approval-passphrase") { Description = "The passphrase that pre-approves a post in an Approved: header; none removes it.", HelpName = "TEXT" };
    readonly Option<int?> _maxSize = new("--max-size-kib") { Description = "Hold posts larger than this many KiB; 0 for no limit.", HelpName = "KIB" };
    readonly Option<int?> _maxRecipients = new("--max-recipients") { Description = "Hold posts with at least this many To+Cc addresses; 0 for no limit.", HelpName = "N" };
    readonly Option<string> _explicit = Switch("--require-explicit-destination", "Hold posts that do not name the list in To or Cc.");
    readonly Option<string> _administrivia = Switch("--administrivia", "Hold posts that look like commands (\"abmelden\").");
    readonly Option<string> _dmarcFail = OneOf("--dmarc-fail",
        "What to do with a post whose From: domain publishes DMARC p=reject and which failed DMARC (a forged address).",
        ["hold", "reject", "accept"]);
    readonly Option<string[]> _ban = Many("--ban", "Discard posts from this address or ^regex (repeatable).", "PATTERN");
    readonly Option<string[]> _unban = Many("--unban", "Lift a ban (repeatable).", "PATTERN");
    readonly Option<string[]> _nonmember = Many("--nonmember-pattern", "ACTION:PATTERN, e.g. accept:erika@example.org or hold:^.*@spam\\.example$ (repeatable).", "ACTION:PATTERN");
    readonly Option<string[]> _removeNonmember = Many("--remove-nonmember-pattern", "Remove a nonmember pattern (repeatable).", "PATTERN");
    readonly Option<string[]> _suspicious = Many("--suspicious-header", "Hold posts with a header matching 'Header: regex' (repeatable).", "LINE");
    readonly Option<string[]> _removeSuspicious = Many("--remove-suspicious-header", "Remove a suspicious-header line (repeatable).", "LINE");

    /// <summary>The options, to add to the command.</summary>
    public IEnumerable<Option> All => [_emergency, _passphrase, _maxSize, _maxRecipients, _explicit, _administrivia, _dmarcFail, _ban, _unban,
        _nonmember, _removeNonmember, _suspicious, _removeSuspicious];

    /// <summary>The changes the parsed options ask for.</summary>
    /// <exception cref="AdministrationException">A nonmember pattern has no valid action.</exception>
    public PostingChanges Read(ParseResult parse)
    {
        var passphrase = parse.GetValue(_passphrase);
        return new PostingChanges(
            Bool(parse.GetValue(_emergency)), passphrase is null ? null : passphrase == "none" ? "" : passphrase,
            parse.GetValue(_maxSize), parse.GetValue(_maxRecipients), Bool(parse.GetValue(_explicit)), Bool(parse.GetValue(_administrivia)),
            parse.GetValue(_ban), parse.GetValue(_unban), parse.GetValue(_nonmember)?.Select(Pattern).ToList(),
            parse.GetValue(_removeNonmember), parse.GetValue(_suspicious), parse.GetValue(_removeSuspicious),
            parse.GetValue(_dmarcFail) is { } dmarcFail ? Enum.Parse<DmarcFailAction>(dmarcFail, ignoreCase: true) : null);
    }

    /// <summary>Prints the posting settings as 'key: value' lines (patterns one per line).</summary>
    public static void Print(PostingSettings posting, TextWriter output)
    {
        output.WriteLine("emergency: " + (posting.Emergency ? "on" : "off"));
        output.WriteLine("approval-passphrase: " + (posting.ApprovalPassphraseHash.Length > 0 ? "set" : "none"));
        output.WriteLine("max-size-kib: " + posting.MaxMessageSizeKiB);
        output.WriteLine("max-recipients: " + posting.MaxRecipients);
        output.WriteLine("require-explicit-destination: " + (posting.RequireExplicitDestination ? "on" : "off"));
        output.WriteLine("administrivia: " + (posting.Administrivia ? "on" : "off"));
        output.WriteLine("dmarc-fail: " + posting.DmarcFail.ToString().ToLowerInvariant());
        foreach (var ban in posting.BannedAddresses) output.WriteLine("ban: " + ban);
        foreach (var (action, patterns) in new[] { ("accept", posting.NonmemberAccept), ("hold", posting.NonmemberHold),
                     ("reject", posting.NonmemberReject), ("discard", posting.NonmemberDiscard) })
            foreach (var pattern in patterns) output.WriteLine($"nonmember-pattern: {action}:{pattern}");
        foreach (var line in posting.SuspiciousHeaders) output.WriteLine("suspicious-header: " + line);
    }

    static (NonmemberAction, string) Pattern(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || !Enum.TryParse<NonmemberAction>(text[..colon], ignoreCase: true, out var action) || !Enum.IsDefined(action))
            throw new AdministrationException($"'{text}' is not ACTION:PATTERN with ACTION accept, hold, reject or discard");
        return (action, text[(colon + 1)..].Trim());
    }

    static bool? Bool(string? word) => word is null ? null : word == "on";

    static Option<string> Switch(string name, string description) => OneOf(name, description + " on or off.", OnOff);

    static Option<string> OneOf(string name, string description, string[] words)
    {
        var option = new Option<string>(name) { Description = description };
        option.AcceptOnlyFromAmong(words);
        return option;
    }

    static Option<string[]> Many(string name, string description, string helpName)
        => new(name) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = false };
}
