namespace Integreat.Lists.Core.Configuration;

/// <summary>Settings of section <c>Authentication</c>: how incoming mail's authenticity is evaluated (DKIM, SPF,
/// DMARC) and recorded in an <c>Authentication-Results</c> field (RFC 8601).</summary>
/// <remarks>The authserv-ids of MTAs in front whose results are trusted are <see cref="CommandOptions.TrustedAuthservIds"/>:
/// one setting for both uses, so a trusted MTA is trusted for posts and for admin commands alike.</remarks>
public sealed class AuthenticationOptions
{
    /// <summary>The section name in configuration.</summary>
    public const string Section = "Authentication";

    /// <summary>Our authserv-id (RFC 8601 §2.5), written into our <c>Authentication-Results</c>; incoming fields that
    /// claim it are removed (§5). Empty: <c>Smtp:ServerName</c>.</summary>
    public string AuthservId { get; set; } = "";

    /// <summary>When true (the default) posts and command mail are checked: DKIM signatures verified, SPF of the
    /// envelope sender and client address, DMARC of the From: domain. False: no DNS questions; only the results of a
    /// trusted MTA (<see cref="CommandOptions.TrustedAuthservIds"/>) count, and without them DMARC is <c>none</c>.</summary>
    public bool Verify { get; set; } = true;
}
