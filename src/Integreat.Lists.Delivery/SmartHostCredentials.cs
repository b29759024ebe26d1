using System.Net;
using Integreat.Lists.Core.Configuration;

namespace Integreat.Lists.Delivery;

/// <summary>The AUTH credentials for the smarthost, from settings, environment or a secret file.</summary>
public static class SmartHostCredentials
{
    /// <summary>Null without <see cref="DeliveryOptions.SmartHostUser"/>; else the user with the first line of
    /// <see cref="DeliveryOptions.SmartHostPasswordFile"/> when set, or <see cref="DeliveryOptions.SmartHostPassword"/>.</summary>
    /// <exception cref="IOException">The password file cannot be read (the settings validator checks it exists).</exception>
    public static NetworkCredential? Read(DeliveryOptions options)
    {
        if (options.SmartHostUser.Length == 0) return null;
        var password = options.SmartHostPasswordFile.Length > 0
            ? (File.ReadLines(options.SmartHostPasswordFile).FirstOrDefault() ?? "").TrimEnd('\r')
            : options.SmartHostPassword;
        return new NetworkCredential(options.SmartHostUser, password);
    }
}
