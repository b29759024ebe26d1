using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Delivery;

namespace Integreat.Lists.Daemon.Configuration;

/// <summary>Checks the TLS, AUTH and MX settings of section <c>Delivery</c>, one sentence per problem.</summary>
public static class DeliveryTransportValidator
{
    static readonly string[] SmartHostTlsModes = ["opportunistic", "none", "starttls", "tls-on-connect"];

    /// <summary>Adds the problems to <paramref name="problems"/>. Never names the password's value.</summary>
    public static void Validate(DeliveryOptions delivery, List<string> problems)
    {
        if (!SmartHostTlsModes.Contains(delivery.SmartHostTls))
            problems.Add($"Delivery:SmartHostTls '{delivery.SmartHostTls}' must be opportunistic, none, starttls or tls-on-connect.");
        if (delivery.SmartHostUser.Length > 0 && delivery.SmartHostPassword.Length == 0 && delivery.SmartHostPasswordFile.Length == 0)
            problems.Add("Delivery:SmartHostUser needs Delivery:SmartHostPassword (best as environment variable) or Delivery:SmartHostPasswordFile.");
        if (delivery.SmartHostPasswordFile.Length > 0 && !File.Exists(delivery.SmartHostPasswordFile))
            problems.Add($"Delivery:SmartHostPasswordFile {delivery.SmartHostPasswordFile} does not exist.");
        if (delivery.SmartHostCaFile.Length > 0) ValidateCaFile(delivery.SmartHostCaFile, problems);
        if (delivery.MxTls is not ("opportunistic" or "required"))
            problems.Add($"Delivery:MxTls '{delivery.MxTls}' must be opportunistic or required.");
        if (delivery.MxPort is < 1 or > 65535) problems.Add("Delivery:MxPort must be between 1 and 65535 (25 except in tests).");
        if (delivery.MxConnectionsPerDomain is < 1 or > 100) problems.Add("Delivery:MxConnectionsPerDomain must be between 1 and 100.");
    }

    static void ValidateCaFile(string path, List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add($"Delivery:SmartHostCaFile {path} does not exist.");
            return;
        }
        try { SmartHostCertificateCheck.LoadCaFile(path); }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"Delivery:SmartHostCaFile {path} holds no readable PEM certificate.");
        }
    }
}
