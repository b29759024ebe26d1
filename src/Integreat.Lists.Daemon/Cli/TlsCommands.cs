using System.CommandLine;
using Integreat.Lists.Smtp;

namespace Integreat.Lists.Daemon.Cli;

/// <summary><c>integreat-lists tls selfsigned [--host H] [--out DIR] [--days N]</c>: writes a self-signed PEM
/// certificate and key for STARTTLS (<c>Smtp:CertificatePath</c>, <c>Smtp:CertificateKeyPath</c>), for tests and
/// a first run. Needs neither the store nor a running daemon.</summary>
internal static class TlsCommands
{
    /// <summary>Creates the <c>tls</c> command group.</summary>
    public static Command Build()
    {
        var host = new Option<string>("--host")
        {
            Description = "Host name (or IP address) the certificate is for: the MX name clients connect to.",
            HelpName = "H",
            DefaultValueFactory = _ => "lists.integreat.example",
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder to write cert.pem and key.pem into (created when missing; files are replaced).",
            HelpName = "DIR",
            DefaultValueFactory = _ => Path.Combine("data", "tls"),
        };
        var days = new Option<int>("--days")
        {
            Description = "Days the certificate is valid (1-3650).",
            HelpName = "N",
            DefaultValueFactory = _ => 365,
        };
        var selfSigned = new Command("selfsigned", "Writes a self-signed certificate (RSA 2048, SHA-256) and its key as PEM files.")
        {
            host, output, days,
        };
        selfSigned.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(host)!.Trim().TrimEnd('.');
            var count = parse.GetValue(days);
            if (name.Length == 0 || name.Any(char.IsWhiteSpace) || count is < 1 or > 3650)
            {
                error.WriteLine("error: --host must be a host name or IP address and --days 1 to 3650.");
                return Cli.BadInput;
            }
            try
            {
                var (certificate, key) = SelfSignedCertificate.Write(name, parse.GetValue(output)!, TimeSpan.FromDays(count));
                parse.InvocationConfiguration.Output.WriteLine($"Smtp:CertificatePath    {Path.GetFullPath(certificate)}");
                parse.InvocationConfiguration.Output.WriteLine($"Smtp:CertificateKeyPath {Path.GetFullPath(key)}");
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine("error: " + ex.Message);
                return 1;
            }
        });
        return new Command("tls", "Certificates for inbound STARTTLS.") { selfSigned };
    }
}
