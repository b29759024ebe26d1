using System.CommandLine;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Cli;

/// <summary><c>integreat-lists dkim keygen DOMAIN [--selector S] [--algorithm rsa|ed25519]</c>: creates the domain's
/// DKIM key where the daemon finds it (<c>Storage:Directory/dkim/DOMAIN/S.pem</c>, Ed25519 in <c>…/DOMAIN/ed25519/</c>;
/// mail of that domain is signed from then on) and prints the TXT record to publish (RFC 6376 §3.6.2.1, RFC 8463).</summary>
internal static class DkimCommands
{
    /// <summary>Creates the <c>dkim</c> command group.</summary>
    public static Command Build(AdminRunner admin)
    {
        var domain = new Argument<string>("DOMAIN") { Description = "The list domain, e.g. lists.integreat.example." };
        var selector = new Option<string>("--selector")
        {
            Description = "The selector: the DNS name SELECTOR._domainkey.DOMAIN holds the public key " +
                          "(default listsYYYYMM, edYYYYMM for Ed25519).",
            HelpName = "S",
        };
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "rsa (2048 bit, the signature every receiver checks) or ed25519 (RFC 8463: a second signature " +
                          "beside the RSA one, which stays).",
            DefaultValueFactory = _ => "rsa",
        };
        algorithm.AcceptOnlyFromAmong("rsa", "ed25519");
        var keygen = new Command("keygen", "Creates a DKIM key for DOMAIN (RSA, or Ed25519 as second signature) and prints the DNS TXT record to publish.")
        {
            domain,
            selector,
            algorithm,
        };
        keygen.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, error) =>
        {
            var name = parse.GetValue(domain)!.Trim().TrimEnd('.').ToLowerInvariant();
            var ed25519 = parse.GetValue(algorithm) == "ed25519";
            var label = parse.GetValue(selector)?.Trim()
                        ?? (ed25519 ? "ed" : "lists") + DateTime.UtcNow.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);
            if (!IsDomain(name) || !IsLabel(label))
            {
                error.WriteLine("Domain or selector is not a DNS name (letters, digits, '-', '.').");
                return 2;
            }
            var store = new FileDkimKeyStore(services.GetRequiredService<Settings>().Storage.DkimKeysPath);
            string record;
            try { record = ed25519 ? store.GenerateEd25519(name, label) : store.Generate(name, label); }
            catch (IOException ex)
            {
                error.WriteLine(ex.Message);
                return 1;
            }
            output.WriteLine($"{label}._domainkey.{name} TXT \"{record}\"");
            if (ed25519 && store.Find(name) is null)
                error.WriteLine($"Ed25519 signs only beside an RSA key; create one with 'dkim keygen {name}'.");
            return 0;
        }, ct));
        return new Command("dkim", "DKIM keys of the list domains.") { keygen };
    }

    static bool IsDomain(string name) => name.Contains('.') && name.Split('.').All(IsLabel);

    static bool IsLabel(string label)
        => label.Length is > 0 and < 64 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-';
}
