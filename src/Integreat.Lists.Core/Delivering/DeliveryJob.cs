namespace Integreat.Lists.Core.Delivering;

/// <summary>A durable unit of delivery: one message to up to 100 recipients, with its retry state.</summary>
public sealed class DeliveryJob
{
    /// <summary>The batch size: at most this many recipients per job (and per SMTP transaction without VERP).</summary>
    public const int MaxRecipients = 100;

    /// <summary>Unique id, <c>POSTID.N</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The id of the message in the outgoing store.</summary>
    public string PostId { get; set; } = "";

    /// <summary>The list this delivery belongs to (posting address).</summary>
    public string List { get; set; } = "";

    /// <summary>The Message-ID of the message, for the log.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>A fixed envelope sender; empty means one VERP sender per recipient (when VERP is on) or the
    /// list's bounces address.</summary>
    public string Sender { get; set; } = "";

    /// <summary>True when each recipient's copy gets header fields of its own (the one-click <c>List-Unsubscribe</c>,
    /// see <see cref="Unsubscribe.RecipientHeaders"/>): then one transaction per recipient, and the stored bytes are
    /// unsigned (each copy is signed with its own fields).</summary>
    public bool Personalised { get; set; }

    /// <summary>The recipients still to be delivered, normalised.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>How many attempts were made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the job was created (UTC); the give-up deadline counts from here.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the job is due next (UTC).</summary>
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>True when an unexpected error parked the job for a human (<c>queue requeue</c> resumes it).</summary>
    public bool Shunted { get; set; }

    /// <summary>The last temporary failure, one line, or empty.</summary>
    public string LastError { get; set; } = "";
}
