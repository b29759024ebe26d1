namespace Integreat.Lists.Smtp;

/// <summary>Settings of section <c>Smtp</c>: the inbound SMTP listener (the list domain's MX or Postfix's relay target).</summary>
public sealed class SmtpIntakeOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Smtp";

    /// <summary>Where to listen, each <c>address:port</c> (e.g. <c>127.0.0.1:2525</c>, <c>[::]:25</c>); port 0 picks a free port.</summary>
    public string[] Listen { get; set; } = ["127.0.0.1:2525"];

    /// <summary>The host name in the greeting and EHLO reply.</summary>
    public string ServerName { get; set; } = "lists.integreat.example";

    /// <summary>The largest message accepted, in KiB; advertised as SIZE (RFC 1870) and enforced (552 5.3.4).</summary>
    public int MaxMessageSizeKiB { get; set; } = 25600;

    /// <summary>The most concurrent SMTP connections; one more gets 421 4.7.0 and is closed.</summary>
    public int MaxConnections { get; set; } = 100;

    /// <summary>The most concurrent connections from one client address; one more gets 421 4.7.0.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 20;

    /// <summary>The most recipients per transaction (RFC 5321 §4.5.3.1.8 asks for at least 100); more get 452 4.5.3.</summary>
    public int MaxRecipients { get; set; } = 100;

    /// <summary>The absolute limit of one SMTP session; past it 421 4.4.2 and disconnect, also during DATA (SmtpServer's
    /// own default of 2 min would cut slow senders, and it would answer 554).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a client may send nothing, waiting for a command or inside DATA, before 421 4.4.2 and
    /// disconnect (RFC 5321 §4.5.3.2.7 asks for 5 min).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A PEM certificate (chain) file; when set with <see cref="CertificateKeyPath"/>, STARTTLS is offered.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PEM private key of <see cref="CertificatePath"/>.</summary>
    public string CertificateKeyPath { get; set; } = "";

    /// <summary>How long shutdown waits for SMTP sessions in progress before it cuts them.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
