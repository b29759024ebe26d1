namespace Integreat.Lists.Core.Model;

/// <summary>A list's posting chain settings (Mailman's <c>Moderation</c> and <c>BasicOperation</c> styles), with
/// this project's defaults. Address patterns are exact addresses or, starting with <c>^</c>, regular expressions
/// matched case-insensitively against the normalised address.</summary>
public sealed class PostingSettings
{
    /// <summary>Default of <see cref="MaxMessageSizeKiB"/>: 5 MiB.</summary>
    public const int DefaultMaxMessageSizeKiB = 5120;

    /// <summary>Default of <see cref="MaxRecipients"/>: 10 addresses in To and Cc.</summary>
    public const int DefaultMaxRecipients = 10;

    /// <summary>When true every post is held (rule <c>emergency</c>) unless it carries the approval passphrase.</summary>
    public bool Emergency { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the passphrase that pre-approves a post in <c>Approved:</c> or
    /// <c>X-Approved:</c>; empty when no passphrase is set. The passphrase itself is never stored.</summary>
    public string ApprovalPassphraseHash { get; set; } = "";

    /// <summary>Senders whose posts are discarded (rule <c>banned-address</c>).</summary>
    public List<string> BannedAddresses { get; set; } = [];

    /// <summary>Nonmembers whose posts are distributed without moderation.</summary>
    public List<string> NonmemberAccept { get; set; } = [];

    /// <summary>Nonmembers whose posts are held.</summary>
    public List<string> NonmemberHold { get; set; } = [];

    /// <summary>Nonmembers whose posts are rejected with a notice.</summary>
    public List<string> NonmemberReject { get; set; } = [];

    /// <summary>Nonmembers whose posts are discarded without a notice.</summary>
    public List<string> NonmemberDiscard { get; set; } = [];

    /// <summary>When true a post that looks like a command ("abmelden") is held (rule <c>administrivia</c>).</summary>
    public bool Administrivia { get; set; } = true;

    /// <summary>When true the list address must be in To or Cc, else the post is held (rule <c>implicit-destination</c>).</summary>
    public bool RequireExplicitDestination { get; set; } = true;

    /// <summary>Posts with at least this many To and Cc addresses are held; 0 turns the rule off.</summary>
    public int MaxRecipients { get; set; } = DefaultMaxRecipients;

    /// <summary>Posts larger than this many KiB (raw bytes) are held; 0 turns the rule off.</summary>
    public int MaxMessageSizeKiB { get; set; } = DefaultMaxMessageSizeKiB;

    /// <summary>What happens to a post that fails DMARC while its From: domain publishes <c>p=reject</c> (rule
    /// <c>dmarc-fail</c>).</summary>
    public DmarcFailAction DmarcFail { get; set; } = DmarcFailAction.Hold;

    /// <summary>Lines <c>Header: regex</c>; a post with a matching header is held (rule <c>suspicious-header</c>).</summary>
    public List<string> SuspiciousHeaders { get; set; } = [];
}
