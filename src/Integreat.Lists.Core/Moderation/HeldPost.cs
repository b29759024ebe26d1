namespace Integreat.Lists.Core.Moderation;

/// <summary>A post held for a moderator (Mailman's held message request). Its raw bytes stay in spool queue
/// <c>hold</c> under the same <see cref="Id"/>, exactly as received.</summary>
public sealed class HeldPost
{
    /// <summary>The spool id of the post, e.g. <c>20261129T230000Z-1a2b3c</c>; the key and the CLI's ID.</summary>
    public string Id { get; set; } = "";

    /// <summary>The list's posting address (normalised).</summary>
    public string List { get; set; } = "";

    /// <summary>The envelope sender (empty for <c>&lt;&gt;</c>).</summary>
    public string EnvelopeSender { get; set; } = "";

    /// <summary>The author: the first From: mailbox, else the envelope sender (normalised); notices go here.</summary>
    public string Sender { get; set; } = "";

    /// <summary>The post's Subject, one line.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The post's Message-ID with angle brackets, or empty.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>The readable reasons of the rules that held the post.</summary>
    public List<string> Reasons { get; set; } = [];

    /// <summary>True when the author may get notices (the post is neither a bounce nor an auto-reply, RFC 3834).</summary>
    public bool MayNotify { get; set; }

    /// <summary>True once the moderators' and the poster's notices were handed to delivery.</summary>
    public bool Notified { get; set; }

    /// <summary>When the post was held (UTC).</summary>
    public DateTime HeldUtc { get; set; }

    /// <summary>When the hold expires and the post is discarded (UTC).</summary>
    public DateTime ExpiresUtc { get; set; }
}
