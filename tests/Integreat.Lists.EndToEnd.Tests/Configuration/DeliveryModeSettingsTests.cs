using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Daemon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Integreat.Lists.EndToEnd.Tests.Configuration;

/// <summary><c>Delivery:Mode</c> and the TLS, AUTH and MX keys: old configurations keep their implied mode, and each
/// bad value is one sentence naming its key.</summary>
public sealed class DeliveryModeSettingsTests
{
    static Settings Bind(Dictionary<string, string?> values)
        => Settings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void An_empty_mode_is_implied_by_the_smarthost_as_before()
    {
        Assert.Equal(DeliveryMode.Pickup, Bind([]).Delivery.EffectiveMode);
        Assert.Equal(DeliveryMode.SmartHost, Bind(new() { ["Delivery:SmartHost"] = "127.0.0.1:25" }).Delivery.EffectiveMode);
        Assert.Equal(DeliveryMode.Mx, Bind(new() { ["Delivery:Mode"] = "mx", ["Delivery:SmartHost"] = "127.0.0.1:25" }).Delivery.EffectiveMode);
        Assert.Equal(DeliveryMode.Pickup, Bind(new() { ["Delivery:Mode"] = "pickup", ["Delivery:SmartHost"] = "127.0.0.1:25" }).Delivery.EffectiveMode);
    }

    [Fact]
    public void The_shipped_defaults_are_valid_and_opportunistic()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var delivery = Settings.Bind(new ConfigurationBuilder().AddJsonFile(path).Build()).Delivery;
        Assert.Equal(("", "opportunistic", true, "", "opportunistic", 25, 2), (delivery.Mode, delivery.SmartHostTls,
            delivery.SmartHostCheckCertificate, delivery.SmartHostCaFile, delivery.MxTls, delivery.MxPort, delivery.MxConnectionsPerDomain));
    }

    [Fact]
    public void Each_bad_value_is_named_and_the_password_never()
    {
        var error = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["Delivery:Mode"] = "relay", ["Delivery:SmartHostTls"] = "ssl", ["Delivery:SmartHostUser"] = "lists",
            ["Delivery:MxTls"] = "dane", ["Delivery:MxPort"] = "0", ["Delivery:MxConnectionsPerDomain"] = "0",
        }));
        Assert.Equal(
        [
            "Delivery:Mode 'relay' must be smarthost, mx or pickup (or empty: smarthost when Delivery:SmartHost is set, else pickup).",
            "Delivery:SmartHostTls 'ssl' must be opportunistic, none, starttls or tls-on-connect.",
            "Delivery:SmartHostUser needs Delivery:SmartHostPassword (best as environment variable) or Delivery:SmartHostPasswordFile.",
            "Delivery:MxTls 'dane' must be opportunistic or required.",
            "Delivery:MxPort must be between 1 and 65535 (25 except in tests).",
            "Delivery:MxConnectionsPerDomain must be between 1 and 100.",
        ], error.Problems);

        var missing = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["Delivery:Mode"] = "smarthost", ["Delivery:SmartHostUser"] = "lists", ["Delivery:SmartHostPassword"] = "Geheim123",
            ["Delivery:SmartHostPasswordFile"] = "/nonexistent/secret",
        }));
        Assert.Equal(["Delivery:SmartHost must be set when Delivery:Mode is smarthost.",
            "Delivery:SmartHostPasswordFile /nonexistent/secret does not exist."], missing.Problems);
        Assert.DoesNotContain(missing.Problems, p => p.Contains("Geheim123", StringComparison.Ordinal));
    }

    [Fact]
    public void The_smarthost_CA_file_must_exist_and_hold_a_certificate()
    {
        var missing = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["Delivery:SmartHost"] = "127.0.0.1:25", ["Delivery:SmartHostCaFile"] = "/nonexistent/postfix.pem",
        }));
        Assert.Equal(["Delivery:SmartHostCaFile /nonexistent/postfix.pem does not exist."], missing.Problems);

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
            var empty = Assert.Throws<SettingsException>(() => Bind(new()
            {
                ["Delivery:SmartHost"] = "127.0.0.1:25", ["Delivery:SmartHostCaFile"] = file,
            }));
            Assert.Equal([$"Delivery:SmartHostCaFile {file} holds no readable PEM certificate."], empty.Problems);

            File.WriteAllText(file, Integreat.Lists.Testing.TestCertificates.SelfSigned("smarthost.example.org").ExportCertificatePem());
            Assert.Equal(file, Bind(new() { ["Delivery:SmartHost"] = "127.0.0.1:25", ["Delivery:SmartHostCaFile"] = file }).Delivery.SmartHostCaFile);
        }
        finally { File.Delete(file); }
    }
}
