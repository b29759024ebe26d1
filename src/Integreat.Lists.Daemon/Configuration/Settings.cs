using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Privacy;
using Integreat.Lists.Smtp;
using Integreat.Lists.Storage;
using Integreat.Lists.Web;
using Integreat.Lists.Templates;
using Microsoft.Extensions.Configuration;

namespace Integreat.Lists.Daemon.Configuration;

/// <summary>All settings sections bound from one configuration, validated.</summary>
/// <param name="Smtp">Section <c>Smtp</c>.</param>
/// <param name="Delivery">Section <c>Delivery</c>.</param>
/// <param name="Storage">Section <c>Storage</c>.</param>
/// <param name="Lists">Section <c>Lists</c>: the lists to create on first start.</param>
public sealed record Settings(SmtpIntakeOptions Smtp, DeliveryOptions Delivery, StorageOptions Storage, IReadOnlyList<ListSeedOptions> Lists)
{
    /// <summary>Section <c>Commands</c>: command mail and confirmations.</summary>
    public CommandOptions Commands { get; init; } = new();

    /// <summary>Section <c>Web</c>: health, readiness and metrics over HTTP.</summary>
    public WebOptions Web { get; init; } = new();

    /// <summary>Section <c>Log</c>: the console log's format.</summary>
    public LogOptions Log { get; init; } = new();

    /// <summary>Section <c>Privacy</c>: forgetting people and how long records are kept.</summary>
    public PrivacyOptions Privacy { get; init; } = new();

    /// <summary>Section <c>Templates</c>: where the operator's own texts live.</summary>
    public TemplatesOptions Templates { get; init; } = new();

    /// <summary>Section <c>Bounces</c>: bounce scoring, probes, warnings and removal.</summary>
    public BounceOptions Bounces { get; init; } = new();

    /// <summary>Section <c>Moderation</c>: the hold queue and duplicate suppression.</summary>
    public ModerationOptions Moderation { get; init; } = new();

    /// <summary>Section <c>Dns</c>: the resolvers for DKIM keys, DMARC records and MX.</summary>
    public DnsOptions Dns { get; init; } = new();

    /// <summary>Section <c>Archive</c>: how archive pages show senders, threading and search.</summary>
    public ArchiveOptions Archive { get; init; } = new();

    /// <summary>Section <c>Authentication</c>: DKIM, SPF and DMARC of incoming mail.</summary>
    public AuthenticationOptions Authentication { get; init; } = new();

    /// <summary>Binds and validates every section.</summary>
    /// <exception cref="SettingsException">A value cannot be converted, or a setting is invalid.</exception>
    public static Settings Bind(IConfiguration configuration)
    {
        try
        {
            var smtp = configuration.GetSection(SmtpIntakeOptions.Section).Get<SmtpIntakeOptions>() ?? new();
            // An array in JSON replaces the default array instead of merging into it by index.
            var listen = configuration.GetSection(SmtpIntakeOptions.Section + ":Listen").Get<string[]>();
            if (listen is not null) smtp.Listen = listen;
            var delivery = configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>() ?? new();
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
            var lists = configuration.GetSection("Lists").Get<List<ListSeedOptions>>() ?? [];
            var commands = configuration.GetSection(CommandOptions.Section).Get<CommandOptions>() ?? new();
            var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new();
            var log = configuration.GetSection(LogOptions.Section).Get<LogOptions>() ?? new();
            var templates = configuration.GetSection(TemplatesOptions.Section).Get<TemplatesOptions>() ?? new();
            var moderation = configuration.GetSection(ModerationOptions.Section).Get<ModerationOptions>() ?? new();
            var bounces = configuration.GetSection(BounceOptions.Section).Get<BounceOptions>() ?? new();
            var privacy = configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>() ?? new();
            var dns = configuration.GetSection(DnsOptions.Section).Get<DnsOptions>() ?? new();
            var archive = configuration.GetSection(ArchiveOptions.Section).Get<ArchiveOptions>() ?? new();
            // As for Smtp:Listen: a configured array replaces the default instead of merging by index.
            dns.Servers = configuration.GetSection(DnsOptions.Section + ":Servers").Get<string[]>() ?? [];
            var authentication = configuration.GetSection(AuthenticationOptions.Section).Get<AuthenticationOptions>() ?? new();
            var settings = new Settings(smtp, delivery, storage, lists)
            {
                Commands = commands, Web = web, Log = log, Templates = templates, Bounces = bounces, Privacy = privacy,
                Moderation = moderation, Dns = dns, Archive = archive, Authentication = authentication,
            };
            var problems = SettingsValidator.Validate(smtp, delivery, storage, lists, commands).Concat(WebValidator.Validate(web))
                .Concat(SettingsValidator.ValidateBounces(bounces)).ToList();
            if (log.Format is not (LogOptions.Text or LogOptions.Json)) problems.Add($"Log:Format '{log.Format}' must be 'text' or 'json'.");
            problems.AddRange(TemplateProblems(templates));
            SettingsValidator.ValidateModeration(moderation, problems);
            problems.AddRange(PrivacyValidator.Validate(privacy));
            problems.AddRange(ArchiveValidator.Validate(archive));
            SettingsValidator.ValidateDns(dns, problems);
            if (authentication.AuthservId.Length > 0 && !SettingsValidator.IsAuthservId(authentication.AuthservId))
                problems.Add($"Authentication:AuthservId '{authentication.AuthservId}' must be an authserv-id such as lists.integreat.example (no spaces or ';').");
            return problems.Count == 0 ? settings : throw new SettingsException(problems);
        }
        catch (InvalidOperationException ex)
        {
            throw new SettingsException([BinderProblem.Describe(ex)]);
        }
    }

    /// <summary>Parses every template once so that a broken override stops the start with its file and line.</summary>
    static IReadOnlyList<string> TemplateProblems(TemplatesOptions templates)
    {
        try
        {
            TemplateCatalog.Load(TemplatesOptions.ShippedDirectory, templates.Directory);
            return [];
        }
        catch (TemplateLoadException ex)
        {
            return ex.Problems;
        }
    }
}
