using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Smtp;
using Integreat.Lists.Storage;

namespace Integreat.Lists.Daemon.Configuration;

/// <summary>Checks every setting at start and says what is wrong, one sentence per problem, naming the key.</summary>
public static class SettingsValidator
{
    /// <summary>Returns the problems; empty when the settings are usable.</summary>
    public static IReadOnlyList<string> Validate(SmtpIntakeOptions smtp, DeliveryOptions delivery, StorageOptions storage,
        IReadOnlyList<ListSeedOptions> lists, CommandOptions? commands = null)
    {
        var problems = new List<string>();
        if (smtp.Listen.Length == 0) problems.Add("Smtp:Listen must name at least one address:port.");
        foreach (var listen in smtp.Listen)
        {
            try { SmtpServerFactory.ParseEndpoint(listen); }
            catch (FormatException) { problems.Add($"Smtp:Listen entry '{listen}' is not an address:port such as 127.0.0.1:2525."); }
        }
        if (smtp.MaxMessageSizeKiB is < 1 or > 2_000_000) problems.Add("Smtp:MaxMessageSizeKiB must be between 1 and 2000000.");
        if (smtp.MaxConnections < 1) problems.Add("Smtp:MaxConnections must be at least 1.");
        if (smtp.MaxConnectionsPerAddress < 1) problems.Add("Smtp:MaxConnectionsPerAddress must be at least 1.");
        if (smtp.MaxRecipients is < 1 or > 1000) problems.Add("Smtp:MaxRecipients must be between 1 and 1000.");
        if (smtp.SessionTimeout <= TimeSpan.Zero) problems.Add("Smtp:SessionTimeout must be positive.");
        if (smtp.CommandTimeout <= TimeSpan.Zero) problems.Add("Smtp:CommandTimeout must be positive.");
        if (string.IsNullOrWhiteSpace(smtp.ServerName)) problems.Add("Smtp:ServerName must not be empty.");
        if (smtp.CertificatePath.Length > 0 && !File.Exists(smtp.CertificatePath))
            problems.Add($"Smtp:CertificatePath {smtp.CertificatePath} does not exist.");
        if (smtp.CertificatePath.Length > 0 && !File.Exists(smtp.CertificateKeyPath))
            problems.Add("Smtp:CertificateKeyPath must name the PEM key of Smtp:CertificatePath.");
        ValidateDelivery(delivery, problems);
        if (commands is not null) ValidateCommands(commands, problems);
        if (string.IsNullOrWhiteSpace(storage.Directory)) problems.Add("Storage:Directory must not be empty.");
        foreach (var list in lists)
        {
            if (!EmailAddress.TryParse(list.Address, out _)) problems.Add($"Lists entry '{list.Address}' is not a valid list address.");
            foreach (var owner in list.Owners.Where(o => !EmailAddress.TryParse(o, out _)))
                problems.Add($"Lists entry '{list.Address}' names an invalid owner address '{owner}'.");
        }
        return problems;
    }

    /// <summary>The problems of section <c>Bounces</c>; empty when it is usable.</summary>
    public static IReadOnlyList<string> ValidateBounces(BounceOptions bounces)
    {
        var problems = new List<string>();
        foreach (var (key, weight) in new[] { ("PermanentWeight", bounces.PermanentWeight), ("TemporaryWeight", bounces.TemporaryWeight), ("PolicyWeight", bounces.PolicyWeight) })
            if (weight is < 0 or > 100 || double.IsNaN(weight)) problems.Add($"Bounces:{key} must be between 0 and 100.");
        if (bounces.Threshold is <= 0 or > 1000 || double.IsNaN(bounces.Threshold)) problems.Add("Bounces:Threshold must be above 0 and at most 1000.");
        foreach (var (key, span) in new[] { ("ScoreInterval", bounces.ScoreInterval), ("ResetAfter", bounces.ResetAfter), ("ProbeWait", bounces.ProbeWait),
                     ("WarningInterval", bounces.WarningInterval), ("MaintenanceInterval", bounces.MaintenanceInterval) })
            if (span < TimeSpan.FromMinutes(1) || span > TimeSpan.FromDays(365)) problems.Add($"Bounces:{key} must be between 00:01:00 and 365.00:00:00.");
        if (bounces.Warnings is < 0 or > 10) problems.Add("Bounces:Warnings must be between 0 and 10.");
        if (bounces.ResetAfter < bounces.ScoreInterval) problems.Add("Bounces:ResetAfter must not be shorter than Bounces:ScoreInterval.");
        return problems;
    }

    /// <summary>Adds the problems of section <c>Moderation</c> to <paramref name="problems"/>.</summary>
    public static void ValidateModeration(ModerationOptions moderation, List<string> problems)
    {
        if (moderation.HoldExpiry < TimeSpan.FromHours(1) || moderation.HoldExpiry > TimeSpan.FromDays(365))
            problems.Add("Moderation:HoldExpiry must be between 01:00:00 and 365.00:00:00.");
        if (moderation.DigestInterval < TimeSpan.FromMinutes(10)) problems.Add("Moderation:DigestInterval must be at least 00:10:00.");
        if (moderation.SweepInterval < TimeSpan.FromSeconds(1) || moderation.SweepInterval > TimeSpan.FromDays(1))
            problems.Add("Moderation:SweepInterval must be between 00:00:01 and 1.00:00:00.");
        if (moderation.DuplicateWindow < TimeSpan.Zero || moderation.DuplicateWindow > TimeSpan.FromDays(30))
            problems.Add("Moderation:DuplicateWindow must be between 00:00:00 and 30.00:00:00.");
    }

    /// <summary>Adds the problems of section <c>Dns</c> to <paramref name="problems"/>.</summary>
    public static void ValidateDns(DnsOptions dns, List<string> problems)
    {
        foreach (var server in dns.Servers.Where(s => !System.Net.IPEndPoint.TryParse(s, out var e) || e.Port == 0))
            problems.Add($"Dns:Servers entry '{server}' is not an address:port such as 127.0.0.1:53 or [::1]:53.");
        if (dns.Timeout < TimeSpan.FromMilliseconds(100) || dns.Timeout > TimeSpan.FromMinutes(1))
            problems.Add("Dns:Timeout must be between 00:00:00.1 and 00:01:00.");
    }

    static void ValidateCommands(CommandOptions commands, List<string> problems)
    {
        if (commands.ConfirmationLifetime < TimeSpan.FromMinutes(1) || commands.ConfirmationLifetime > TimeSpan.FromDays(30))
            problems.Add("Commands:ConfirmationLifetime must be between 00:01:00 and 30.00:00:00.");
        if (commands.MaxRepliesPerHour is < 1 or > 100) problems.Add("Commands:MaxRepliesPerHour must be between 1 and 100.");
        if (commands.MaxConfirmationsPerDay is < 1 or > 100) problems.Add("Commands:MaxConfirmationsPerDay must be between 1 and 100.");
        foreach (var id in commands.TrustedAuthservIds.Where(i => !IsAuthservId(i)))
            problems.Add($"Commands:TrustedAuthservIds entry '{id}' must be an authserv-id such as mx.integreat.example (no spaces or ';').");
    }

    /// <summary>True for a usable authserv-id (RFC 8601 §2.2: a value token; no spaces, no ';').</summary>
    public static bool IsAuthservId(string id) => !string.IsNullOrWhiteSpace(id) && !id.Any(c => char.IsWhiteSpace(c) || c == ';');

    static void ValidateDelivery(DeliveryOptions delivery, List<string> problems)
    {
        var mode = delivery.EffectiveMode;
        if (mode is null) problems.Add($"Delivery:Mode '{delivery.Mode}' must be smarthost, mx or pickup (or empty: smarthost when Delivery:SmartHost is set, else pickup).");
        if (delivery.SmartHost.Length > 0)
        {
            var colon = delivery.SmartHost.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(delivery.SmartHost[(colon + 1)..], out var port) || port is < 1 or > 65535)
                problems.Add($"Delivery:SmartHost '{delivery.SmartHost}' is not host:port such as 127.0.0.1:25 (leave it empty for pickup mode).");
        }
        else if (mode == DeliveryMode.SmartHost) problems.Add("Delivery:SmartHost must be set when Delivery:Mode is smarthost.");
        else if (mode == DeliveryMode.Pickup && string.IsNullOrWhiteSpace(delivery.PickupDirectory))
            problems.Add("Delivery:PickupDirectory must not be empty when Delivery:SmartHost is empty.");
        DeliveryTransportValidator.Validate(delivery, problems);
        if (delivery.Connections is < 1 or > 100) problems.Add("Delivery:Connections must be between 1 and 100.");
        if (delivery.GiveUpAfter <= TimeSpan.Zero) problems.Add("Delivery:GiveUpAfter must be positive, e.g. 5.00:00:00.");
        if (delivery.FirstRetryDelay <= TimeSpan.Zero) problems.Add("Delivery:FirstRetryDelay must be positive.");
        if (delivery.MaxRetryDelay < delivery.FirstRetryDelay) problems.Add("Delivery:MaxRetryDelay must not be shorter than Delivery:FirstRetryDelay.");
        if (delivery.CommandTimeout <= TimeSpan.Zero) problems.Add("Delivery:CommandTimeout must be positive.");
        if (delivery.ConnectRetries is < 0 or > 10) problems.Add("Delivery:ConnectRetries must be between 0 and 10.");
        if (delivery.IdleConnectionTimeout <= TimeSpan.Zero) problems.Add("Delivery:IdleConnectionTimeout must be positive.");
    }
}
