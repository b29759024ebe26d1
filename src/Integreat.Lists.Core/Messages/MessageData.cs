namespace Integreat.Lists.Core.Messages;

/// <summary>Everything known about a spooled message that is not in its bytes (Mailman's <c>msgdata</c>, typed).</summary>
public sealed record MessageData
{
    /// <summary>The spool id: sortable by arrival, unique, safe as a file name.</summary>
    public required string Id { get; init; }

    /// <summary>The SMTP envelope sender; empty for <c>&lt;&gt;</c>.</summary>
    public string Sender { get; init; } = "";

    /// <summary>The envelope recipients of this entry.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>When the message was received (UTC).</summary>
    public DateTime ReceivedUtc { get; init; }

    /// <summary>The IP address of the SMTP client that handed the message to us (RFC 7208 §4.1 <c>ip</c>, for SPF and
    /// <c>Authentication-Results</c>); null for entries spooled before it was recorded or not received by SMTP.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The client's EHLO/HELO name (RFC 7208 §2.3); null when unknown.</summary>
    public string? HeloName { get; init; }

    /// <summary>The queue the entry was in before it was shunted; null when not shunted.</summary>
    public string? WhichQueue { get; init; }

    /// <summary>Why the entry was shunted (one line), or null.</summary>
    public string? Reason { get; init; }
}
