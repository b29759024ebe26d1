namespace Integreat.Lists.Core.Configuration;

/// <summary>Settings of section <c>Delivery</c>: where and how outgoing mail goes.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Delivery";

    /// <summary>The smarthost as <c>host:port</c>; empty writes every message to <see cref="PickupDirectory"/>.</summary>
    public string SmartHost { get; set; } = "";

    /// <summary>Where messages go in pickup mode (one <c>.eml</c> per transaction); relative to the working directory.</summary>
    public string PickupDirectory { get; set; } = "data/pickup";

    /// <summary>How many connections to the smarthost deliver in parallel (1–100).</summary>
    public int Connections { get; set; } = 4;

    /// <summary>One envelope sender per recipient (<c>LIST-bounces+user=domain@</c>) so bounces name the member.</summary>
    public bool Verp { get; set; } = true;

    /// <summary>How long temporary failures are retried before delivery gives up (RFC 5321 §4.5.4.1: 4–5 days).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>The delay before the first retry; each later retry doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest delay between two retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Timeout of each SMTP command to the smarthost (connect, reply wait).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many quick reconnects one attempt makes when the smarthost refuses the connection.</summary>
    public int ConnectRetries { get; set; } = 2;

    /// <summary>The first pause between quick reconnects (doubles each time, seconds long by design).</summary>
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An idle connection to the smarthost is closed after this long.</summary>
    public TimeSpan IdleConnectionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The name we give in EHLO; empty uses the list domain of the first list.</summary>
    public string HeloName { get; set; } = "";
}
