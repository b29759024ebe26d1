namespace Integreat.Lists.Core.Delivering;

/// <summary>Where mail for one recipient domain goes: its MX hosts in the order to try, or a verdict for every
/// recipient of the domain when there is nowhere to go.</summary>
/// <param name="Domain">The recipient domain, lower-case.</param>
/// <param name="Hosts">Host names to try in order (the domain itself for the implicit MX); empty when failed.</param>
/// <param name="FailureCode">0, or the SMTP-like code for every recipient: 4xx to retry, 5xx to bounce.</param>
/// <param name="FailureReply">The reply text with an enhanced status code (RFC 3463), e.g. <c>5.1.2 …</c>.</param>
public sealed record MxRoute(string Domain, IReadOnlyList<string> Hosts, int FailureCode = 0, string FailureReply = "")
{
    /// <summary>True when no host is to be tried.</summary>
    public bool Failed => FailureCode != 0;
}
