using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Reports that name their failed recipients in an <c>X-Failed-Recipients</c> header: Exim's bounce and
/// warning messages, and the MTAs that copied the header (Gmail, mail.ru).</summary>
/// <remarks>The header is authoritative for who failed, because the body may name a local alias or a pipe instead of
/// an address. Each recipient's block in the body (the address line and the lines indented under it) gives the
/// status, and the whole notification does when the block has none. Exim's fixed reason "retry timeout exceeded"
/// means it gave up after transient errors only, so, like a 4.x.x status, it is temporary.</remarks>
public sealed class EximRecogniser : IBounceRecogniser
{
    /// <inheritdoc/>
    public string Name => "exim";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        var recipients = MailSystem.FailedRecipientsHeader(message);
        if (recipients.Count == 0) return null;
        var lines = NotificationText.Lines(message);
        var text = string.Join('\n', lines);
        var delayed = MailSystem.IsDelayWarning(message);
        var failures = recipients.Select(r => RecipientBlocks.Failure(r, BlockOrAll(lines, r, text), delayed, RetryTimeoutExceeded));
        return BounceReport.FromFailures(Name, failures);
    }

    static bool RetryTimeoutExceeded(string block) => block.Contains("retry timeout exceeded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The recipient's block when it exists and says something about the status, else the whole text.</summary>
    static string BlockOrAll(IReadOnlyList<string> lines, string recipient, string text)
    {
        var block = Block(lines, recipient);
        return block is not null && (StatusCode.Find(block) is not null || RetryTimeoutExceeded(block)) ? block : text;
    }

    /// <summary>The line that starts with the address, and the non-blank lines indented deeper under it.</summary>
    static string? Block(IReadOnlyList<string> lines, string recipient)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimStart().TrimStart('<', '"');
            if (!trimmed.StartsWith(recipient, StringComparison.OrdinalIgnoreCase)) continue;
            var indent = Indent(lines[i]);
            var end = i + 1;
            while (end < lines.Count && lines[end].Trim().Length > 0 && Indent(lines[end]) > indent) end++;
            return string.Join('\n', lines.Skip(i).Take(end - i));
        }
        return null;
    }

    static int Indent(string line) => line.Length - line.TrimStart().Length;
}
