namespace Integreat.Lists.Core.Configuration;

/// <summary>Settings of section <c>Commands</c>: command mail, confirmations and their limits.</summary>
public sealed class CommandOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Commands";

    /// <summary>How long a confirmation token stays valid (Mailman's <c>pending_request_life</c>: 3 days).</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Command replies to one address per list in any hour; more are dropped silently.</summary>
    public int MaxRepliesPerHour { get; set; } = 5;

    /// <summary>Confirmation requests to one target address per list in any 24 hours, so nobody can flood a
    /// third person's mailbox with subscription requests.</summary>
    public int MaxConfirmationsPerDay { get; set; } = 3;

    /// <summary>The authserv-ids (RFC 8601) of receiving MTAs whose <c>Authentication-Results</c> are trusted for
    /// admin mode (b): an admin's command mail with an aligned <c>dkim=pass</c> from one of them runs without the
    /// confirmation round trip. Empty (the default): every admin command is confirmed by mail (mode (a)).</summary>
    public string[] TrustedAuthservIds { get; set; } = [];
}
