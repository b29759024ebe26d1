using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Integreat.Lists.EndToEnd.Tests.Process;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Tls;

/// <summary>Inbound STARTTLS speaks TLS 1.2 and 1.3 only: <c>openssl s_client -starttls smtp</c> forced to TLS 1.0 or
/// 1.1 fails the handshake with the daemon, 1.2 and 1.3 succeed.</summary>
/// <remarks>OpenSSL 3 refuses TLS 1.0/1.1 on its own at its default security level, which would make the refusal
/// test pass whatever the daemon allows. So the daemon runs as a process whose OpenSSL configuration
/// (<c>OPENSSL_CONF</c>) permits TLS 1.0 at security level 0, leaving the daemon's own protocol setting as the only
/// thing that refuses; and the same client first completes a handshake of that version with <c>openssl s_server</c>,
/// which shows that it really offers it. (Checked: with TLS 1.1 added to the daemon's protocols, the test fails.)</remarks>
public sealed class TlsVersionTests : IAsyncLifetime
{
    const string PermissiveOpenSsl = """
        openssl_conf = openssl_init
        [openssl_init]
        ssl_conf = ssl_sect
        [ssl_sect]
        system_default = system_default_sect
        [system_default_sect]
        MinProtocol = TLSv1
        CipherString = DEFAULT@SECLEVEL=0
        """;

    readonly ProcessSandbox _sandbox = new();
    DaemonProcess _daemon = null!;
    string _certificate = "", _key = "";

    public async Task InitializeAsync()
    {
        using var certificate = TestCertificates.SelfSigned("mx.lists.integreat.example");
        (_certificate, _key) = (Path.Combine(_sandbox.Root, "cert.pem"), Path.Combine(_sandbox.Root, "key.pem"));
        await File.WriteAllTextAsync(_certificate, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(_key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var openSslConf = Path.Combine(_sandbox.Root, "openssl.cnf");
        await File.WriteAllTextAsync(openSslConf, PermissiveOpenSsl);
        var config = _sandbox.Config("127.0.0.1:0");
        config["Smtp"]!["CertificatePath"] = _certificate;
        config["Smtp"]!["CertificateKeyPath"] = _key;
        _sandbox.WriteConfig("config.json", config);
        _daemon = await DaemonProcess.StartAsync(_sandbox.Root, _sandbox.ConfigFile, null,
            new Dictionary<string, string> { ["OPENSSL_CONF"] = openSslConf });
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _sandbox.Dispose();
    }

    [Theory]
    [InlineData("-tls1", "TLSv1")]
    [InlineData("-tls1_1", "TLSv1.1")]
    public async Task An_old_TLS_version_is_refused_though_the_client_offers_it(string option, string version)
    {
        var control = await ControlHandshakeAsync(option);
        Assert.Contains($"Protocol version: {version}", control.Stderr);

        var refused = await StartTlsAsync(option);
        Assert.True(refused.ExitCode != 0, refused.ToString());
        Assert.DoesNotContain("Protocol version:", refused.Stderr);
    }

    [Theory]
    [InlineData("-tls1_2", "TLSv1.2")]
    [InlineData("-tls1_3", "TLSv1.3")]
    public async Task TLS_1_2_and_1_3_are_accepted(string option, string version)
    {
        var result = await StartTlsAsync(option);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Protocol version: {version}", result.Stderr);
    }

    Task<ProcessResult> StartTlsAsync(string version) => ProcessRunner.RunAsync("openssl",
        ["s_client", "-connect", $"127.0.0.1:{_daemon.Port}", "-starttls", "smtp", version, "-cipher", "DEFAULT@SECLEVEL=0", "-brief"],
        _sandbox.Root, ProcessRunner.DefaultTimeout);

    /// <summary>The same client against <c>openssl s_server</c> that allows only <paramref name="version"/>, on a port
    /// it picks itself (it prints <c>ACCEPT 127.0.0.1:PORT</c>); returns what the client printed.</summary>
    async Task<ProcessResult> ControlHandshakeAsync(string version)
    {
        var info = ProcessRunner.StartInfo("openssl", ["s_server", "-accept", "127.0.0.1:0", "-cert", _certificate, "-key", _key,
            version, "-cipher", "DEFAULT@SECLEVEL=0", "-naccept", "1"], _sandbox.Root);
        using var server = System.Diagnostics.Process.Start(info)!;
        try
        {
            // Standard input stays open: s_server ends at its end of input.
            string? line;
            while ((line = await server.StandardOutput.ReadLineAsync().WaitAsync(ProcessRunner.DefaultTimeout)) is not null && !line.StartsWith("ACCEPT", StringComparison.Ordinal)) { }
            Assert.NotNull(line);
            var client = await ProcessRunner.RunAsync("openssl",
                ["s_client", "-connect", line[7..], version, "-cipher", "DEFAULT@SECLEVEL=0", "-brief"], _sandbox.Root, ProcessRunner.DefaultTimeout);
            return client;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }
}
