using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Notices of the <c>phquery</c> directory mailer (university mail hubs of the 1990s and 2000s that resolved
/// names through a CSO/ph directory): a <c>--------Message not delivered to the following:</c> block lists the
/// failed names, often as bare local parts, followed by <c>--------Error Detail (phquery …)</c>.</summary>
/// <remarks>Keyed on the two block markers the mailer writes, never on its prose. A bare name is qualified with every
/// address form the notice itself spells as <c>NAME@domain</c> (phquery's own placeholder for the name); with none,
/// with the reporting host's domain. The directory server itself (named as <c>ph -s HOST</c>, and reachable as
/// <c>NAME@HOST</c> only by finger) is no mail domain. "No matches to nameserver query" is a directory miss, so the failure is
/// permanent (as in flufl.bounce's <c>yale</c> detector, which Mailman uses).</remarks>
public sealed partial class PhqueryRecogniser : IBounceRecogniser
{
    /// <inheritdoc/>
    public string Name => "phquery";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        if (!MailSystem.IsReporter(message)) return null;
        var lines = NotificationText.Lines(message).ToList();
        var start = lines.FindIndex(l => NotDelivered().IsMatch(l));
        var detail = lines.FindIndex(l => ErrorDetail().IsMatch(l));
        if (start < 0 || detail <= start) return null;
        var text = string.Join('\n', lines);
        var directories = DirectoryServer().Matches(text).Select(m => m.Groups["host"].Value.ToLowerInvariant()).ToHashSet();
        var domains = Placeholders().Matches(text).Select(m => m.Groups["domain"].Value.ToLowerInvariant())
            .Where(d => !directories.Contains(d)).Distinct().ToList();
        if (domains.Count == 0 && message.From.Mailboxes.FirstOrDefault() is { } from) domains.Add(AddressText.Domain(from.Address));
        var block = string.Join('\n', lines[(start + 1)..detail]);
        var failures = lines[(start + 1)..detail].Select(l => NameLine().Match(l)).Where(m => m.Success)
            .SelectMany(m => Qualify(m.Groups["name"].Value, domains))
            .Distinct().Select(a => new RecipientFailure(a, null, RecipientBlocks.OneLine(block), false));
        return BounceReport.FromFailures(Name, failures);
    }

    static IEnumerable<string> Qualify(string name, IReadOnlyList<string> domains)
        => name.Contains('@') ? [AddressText.Normalise(name)] : domains.Select(d => AddressText.Normalise(name + "@" + d));

    [GeneratedRegex(@"^\s*-{4,}\s*Message not delivered to the following:\s*$")]
    private static partial Regex NotDelivered();

    [GeneratedRegex(@"^\s*-{4,}\s*Error Detail \(phquery")]
    private static partial Regex ErrorDetail();

    // A failed name: first token of an indented line in the block, a local part or a whole address.
    [GeneratedRegex(@"^\s+(?<name>[A-Za-z0-9._%+-]+(?:@[A-Za-z0-9.-]+)?)\s+\S")]
    private static partial Regex NameLine();

    [GeneratedRegex(@"\bph\s+-s\s+(?<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")]
    private static partial Regex DirectoryServer();

    [GeneratedRegex(@"\bNAME@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")]
    private static partial Regex Placeholders();
}
