namespace Integreat.Lists.Core.Configuration;

/// <summary>Settings of section <c>Dns</c>: which resolvers answer the daemon's DNS questions (DKIM keys, DMARC
/// records, MX).</summary>
public sealed class DnsOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Dns";

    /// <summary>Resolvers as <c>address:port</c> (IPv6 as <c>[::1]:53</c>), asked in order; empty uses the system's
    /// resolvers (<c>/etc/resolv.conf</c>).</summary>
    public string[] Servers { get; set; } = [];

    /// <summary>How long one question may take at one resolver before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Public Suffix List file that defines organisational domains for DMARC (RFC 7489 §3.2); Debian
    /// package <c>publicsuffix</c>. A missing file is logged at start and only the default rule <c>*</c> applies.</summary>
    public string PublicSuffixList { get; set; } = "/usr/share/publicsuffix/public_suffix_list.dat";
}
