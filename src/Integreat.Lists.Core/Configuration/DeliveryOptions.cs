namespace Integreat.Lists.Core.Configuration;

/// <summary>Settings of section <c>Delivery</c>: where and how outgoing mail goes.</summary>
public sealed class DeliveryOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Delivery";

    /// <summary><c>smarthost</c>, <c>mx</c> or <c>pickup</c>; empty (the default) means <c>smarthost</c> when
    /// <see cref="SmartHost"/> is set and <c>pickup</c> otherwise, as before the setting existed.</summary>
    public string Mode { get; set; } = "";

    /// <summary>The smarthost as <c>host:port</c>; empty writes every message to <see cref="PickupDirectory"/>.</summary>
    public string SmartHost { get; set; } = "";

    /// <summary>TLS to the smarthost: <c>opportunistic</c> (STARTTLS when offered; the default), <c>none</c>,
    /// <c>starttls</c> (required) or <c>tls-on-connect</c> (implicit TLS, RFC 8314).</summary>
    public string SmartHostTls { get; set; } = "opportunistic";

    /// <summary>Whether the smarthost's certificate must be valid for its name (system trust store or
    /// <see cref="SmartHostCaFile"/>) whenever TLS is used, opportunistic TLS included; a refused certificate defers
    /// the delivery, it never falls back to plain text. False takes any certificate (insecure).</summary>
    public bool SmartHostCheckCertificate { get; set; } = true;

    /// <summary>A PEM file of certificates trusted for the smarthost besides the system store: a CA (the name must
    /// still match) or the smarthost's own self-signed certificate (pinned; any name). Empty: system store only.</summary>
    public string SmartHostCaFile { get; set; } = "";

    /// <summary>The user name for SMTP AUTH at the smarthost; empty sends no AUTH.</summary>
    public string SmartHostUser { get; set; } = "";

    /// <summary>The AUTH password; better given as environment variable or through <see cref="SmartHostPasswordFile"/>.
    /// Never logged.</summary>
    public string SmartHostPassword { get; set; } = "";

    /// <summary>A file holding the AUTH password (a container secret such as <c>/run/secrets/smarthost</c>); its first
    /// line wins over <see cref="SmartHostPassword"/>.</summary>
    public string SmartHostPasswordFile { get; set; } = "";

    /// <summary>In <c>mx</c> mode: the TCP port of MX hosts. 25 in production; tests point it at their fakes.</summary>
    public int MxPort { get; set; } = 25;

    /// <summary>In <c>mx</c> mode: at most this many connections to the hosts of one recipient domain at a time.</summary>
    public int MxConnectionsPerDomain { get; set; } = 2;

    /// <summary>In <c>mx</c> mode: <c>opportunistic</c> (STARTTLS when offered, any certificate; the default) or
    /// <c>required</c> (an MX host without STARTTLS or with an invalid certificate is skipped).</summary>
    public string MxTls { get; set; } = "opportunistic";

    /// <summary>Where messages go in pickup mode (one <c>.eml</c> per transaction); relative to the working directory.</summary>
    public string PickupDirectory { get; set; } = "data/pickup";

    /// <summary>How many connections to the smarthost deliver in parallel (1–100).</summary>
    /// <remarks>Each connection carries one transaction at a time and waits a round trip for each of its three
    /// reply groups (MAIL+RCPT, DATA, end of data; RFC 2920 §3.1), so with a copy per member (VERP) the rate of a
    /// connection is bounded by the round trip, not by the CPU: 8 instead of 4 gave about 20% more copies per second
    /// on a running daemon even over loopback (bench/README.md). 8 stays well below what smarthosts accept from one client by default
    /// (Postfix <c>default_destination_concurrency_limit</c> and Exchange's per-source limit are both 20).</remarks>
    public int Connections { get; set; } = 8;

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

    /// <summary>The delivery mode <see cref="Mode"/> names, or implies when empty; null for an unknown word.</summary>
    public DeliveryMode? EffectiveMode => Mode.Trim().ToLowerInvariant() switch
    {
        "" => SmartHost.Length > 0 ? DeliveryMode.SmartHost : DeliveryMode.Pickup,
        "smarthost" => DeliveryMode.SmartHost,
        "mx" => DeliveryMode.Mx,
        "pickup" => DeliveryMode.Pickup,
        _ => null,
    };
}
