namespace Integreat.Lists.Core.Delivering;

/// <summary>A delivery failure (or a complaint) about one member, kept for bounce processing and the record.</summary>
public sealed class BounceEvent
{
    /// <summary>Storage id.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The list (posting address).</summary>
    public string List { get; set; } = "";
    /// <summary>The member address that failed.</summary>
    public string Address { get; set; } = "";
    /// <summary>The Message-ID of the post.</summary>
    public string MessageId { get; set; } = "";
    /// <summary>The enhanced status code (RFC 3463), e.g. <c>5.1.1</c>; <c>4.4.7</c> when delivery gave up.</summary>
    public string Dsn { get; set; } = "";
    /// <summary>The SMTP reply or the reason, one line.</summary>
    public string Reply { get; set; } = "";
    /// <summary>When it happened (UTC).</summary>
    public DateTime TimeUtc { get; set; }
    /// <summary>What it was: <c>delivery</c> (a 5xx or give-up of our own delivery), <c>permanent</c>, <c>temporary</c>,
    /// <c>policy</c> (5.7.x policy, DMARC or spam rejection) or <c>complaint</c> (ARF, RFC 5965).</summary>
    public string Kind { get; set; } = "delivery";
    /// <summary>True once the member's bounce score has taken this event into account.</summary>
    public bool Scored { get; set; }
}
