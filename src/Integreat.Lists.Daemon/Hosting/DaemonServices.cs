using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Dkim;
using Integreat.Lists.Core.Dmarc;
using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Core.Notices;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Privacy;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Core.Unsubscribe;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.Delivery;
using Integreat.Lists.Smtp;
using Integreat.Lists.Storage;
using Integreat.Lists.Web;
using Integreat.Lists.Web.Login;
using Integreat.Lists.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary>The composition root: which implementation serves each port. Reads like a table of contents.</summary>
public static class DaemonServices
{
    /// <summary>Registers the settings and the store (what the CLI needs without the daemon).</summary>
    public static IServiceCollection AddIntegreatStorage(this IServiceCollection services, Settings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(Options.Create(settings.Smtp));
        services.AddSingleton(Options.Create(settings.Delivery));
        services.AddSingleton(Options.Create(settings.Storage));
        services.AddSingleton(Options.Create(settings.Commands));
        services.AddSingleton(Options.Create(new AuthenticationOptions
        {
            AuthservId = settings.Authentication.AuthservId.Length > 0 ? settings.Authentication.AuthservId : settings.Smtp.ServerName,
            Verify = settings.Authentication.Verify,
        }));
        services.AddSingleton(Options.Create(settings.Web));
        services.AddSingleton(Options.Create(settings.Privacy));
        services.AddSingleton<IPersonDataStore, LitePersonDataStore>();
        services.AddSingleton(Options.Create(settings.Archive));
        services.AddSingleton<IArchiveStore>(sp => new LiteArchiveStore(sp.GetRequiredService<LiteStore>(), settings.Storage.ArchivePath));
        services.AddSingleton(new ArchiveLinks(settings.Web.BaseUrl.Length > 0 ? settings.Web.BaseUrl : settings.Web.Listen));
        services.AddSingleton<ArchiveRecorder>();
        services.AddSingleton<IApiTokenStore, LiteApiTokenStore>();
        services.AddSingleton<PrometheusListMetrics>();
        services.AddSingleton(sp => new ActivityMetrics(sp.GetRequiredService<PrometheusListMetrics>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IListMetrics>(sp => sp.GetRequiredService<ActivityMetrics>());
        services.AddSingleton(Options.Create(settings.Bounces));
        services.AddSingleton(Options.Create(settings.Moderation));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new LiteStore(settings.Storage.DatabasePath));
        services.AddSingleton<IListRepository, LiteListRepository>();
        services.AddSingleton<IRosterRepository, LiteRosterRepository>();
        services.AddSingleton<IDeliveryQueue, LiteDeliveryQueue>();
        services.AddSingleton<IBounceEventStore, LiteBounceEventStore>();
        services.AddSingleton<IPendingRequestStore, LitePendingRequestStore>();
        services.AddSingleton<IAuditLog, LiteAuditLog>();
        services.AddSingleton(_ => TemplateCatalog.Load(TemplatesOptions.ShippedDirectory, settings.Templates.Directory));
        services.AddSingleton<ITemplateRenderer, FluidTemplateRenderer>();
        services.AddSingleton<Core.Content.ContentPipeline>();
        services.AddSingleton<IHeldPostStore, LiteHeldPostStore>();
        services.AddSingleton<IRecentPostStore, LiteRecentPostStore>();
        services.AddSingleton<ConfirmationTokens>();
        services.AddSingleton<IRateLimitStore, LiteRateLimitStore>();
        services.AddSingleton<CommandLimits>();
        services.AddSingleton<RosterCommands>();
        services.AddSingleton<AdminWorkflow>();
        services.AddSingleton<MembershipWorkflow>();
        services.AddSingleton<ISpool>(_ => new FileSpool(settings.Storage.SpoolPath));
        services.AddSingleton<IOutgoingStore>(_ => new FileOutgoingStore(settings.Storage.SpoolPath));
        services.AddSingleton<IDeliveryJournal>(_ => new FileDeliveryJournal(settings.Storage.SpoolPath));
        services.AddSingleton<IDkimKeyStore>(_ => new FileDkimKeyStore(settings.Storage.DkimKeysPath));
        services.AddSingleton<MessageSigner>();
        services.AddSingleton<IUnsubscribeTokens>(_ => new SealedUnsubscribeTokens(settings.Storage.UnsubscribeKeyPath));
        services.AddSingleton(_ => settings.Privacy.PseudonymiseLogs ? new LogAddresses(KeyFile.LoadOrCreate(settings.Storage.LogKeyPath, 32)) : LogAddresses.Plain);
        services.AddSingleton<IncomingSignal>();
        services.AddSingleton<ProcessingGate>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<CommandSignal>();
        services.AddSingleton<BounceSignal>();
        // DNS and DMARC here, not with the runners: a post approved from the CLI without the daemon is mitigated too.
        services.AddSingleton(Options.Create(settings.Dns));
        services.AddSingleton<IDnsResolver, DnsClientResolver>();
        services.AddSingleton(sp => PublicSuffixFile.Load(settings.Dns.PublicSuffixList,
            sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger(nameof(PublicSuffixFile))
            ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        services.AddSingleton<IDmarcPolicyLookup, DmarcPolicyResolver>();
        services.AddSingleton<DmarcMitigationHandler>();
        return services;
    }

    /// <summary>Registers the start-up work that must finish before mail is taken: creating the configured lists.</summary>
    public static IServiceCollection AddIntegreatSeeding(this IServiceCollection services)
        => services.AddHostedService<ListSeeder>();

    /// <summary>Registers SMTP intake: the SmtpServer seams and the hosted listener.</summary>
    public static IServiceCollection AddIntegreatSmtpIntake(this IServiceCollection services, Settings settings)
    {
        services.AddSingleton<IntakeState>();
        services.AddSingleton<IMessageStore, SpoolMessageStore>();
        services.AddSingleton<IMailboxFilter, ListMailboxFilter>();
        services.AddSingleton<IUserAuthenticator, DenyAllAuthenticator>();
        services.AddSingleton<ISmtpCommandFactory, ListCommandFactory>();
        services.AddSingleton<IEndpointListenerFactory>(sp =>
            new LimitingListenerFactory(settings.Smtp.MaxConnections, settings.Smtp.MaxConnectionsPerAddress,
                sp.GetRequiredService<IntakeState>(), new SessionLimits(settings.Smtp.CommandTimeout, settings.Smtp.SessionTimeout)));
        if (settings.Smtp.CertificatePath.Length > 0)
            services.AddSingleton(sp => new ReloadingCertificateFactory(settings.Smtp.CertificatePath, settings.Smtp.CertificateKeyPath,
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ReloadingCertificateFactory>>()));
        services.AddSingleton<SmtpIntakeService>();
        services.AddHostedService(sp => sp.GetRequiredService<SmtpIntakeService>());
        return services;
    }

    /// <summary>Registers processing and delivery: the runners and the outbound transport.</summary>
    public static IServiceCollection AddIntegreatRunners(this IServiceCollection services, Settings settings)
    {
        services.AddSingleton<NoticeComposer>();
        services.AddSingleton<NoticeLimiter>();
        services.AddSingleton<ISpfChecker, Integreat.Lists.Smtp.Authentication.ArSoftSpfChecker>();
        services.AddSingleton<Integreat.Lists.Core.Authentication.DkimEvaluator>();
        services.AddSingleton<Integreat.Lists.Core.Authentication.DmarcEvaluator>();
        services.AddSingleton<Integreat.Lists.Core.Authentication.InboundAuthenticator>();
        services.AddSingleton<DeliveryHandoff>();
        services.AddSingleton<RecipientHeaders>();
        services.AddSingleton<OneClickUnsubscribe>();
        services.AddSingleton<PostDistributor>();
        services.AddSingleton<HoldQueue>();
        services.AddSingleton<HoldDecisions>();
        services.AddSingleton<ModerationReplies>();
        services.AddSingleton<HoldSweeper>();
        services.AddSingleton<HoldRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<HoldRunner>());
        services.AddSingleton<IncomingProcessor>();
        services.AddSingleton<DeliveryProcessor>();
        switch (settings.Delivery.EffectiveMode)
        {
            case DeliveryMode.SmartHost: services.AddSingleton<IOutboundTransport, SmtpTransport>(); break;
            case DeliveryMode.Mx: services.AddSingleton<IOutboundTransport, MxTransport>(); break;
            default: services.AddSingleton<IOutboundTransport, PickupTransport>(); break;
        }
        services.AddSingleton<IncomingRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<IncomingRunner>());
        services.AddSingleton<CommandProcessor>();
        services.AddSingleton<CommandRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<CommandRunner>());
        services.AddSingleton<BounceActions>();
        services.AddSingleton<BounceProcessor>();
        services.AddSingleton<BounceMaintenance>();
        services.AddSingleton<BounceRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<BounceRunner>());
        services.AddSingleton<OutgoingRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<OutgoingRunner>());
        services.AddHostedService<Control.ControlServer>();
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<RetentionRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionRunner>());
        return services;
    }

    /// <summary>Registers the web adapter: Kestrel with <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
    public static IServiceCollection AddIntegreatWeb(this IServiceCollection services)
    {
        services.AddSingleton<IReadinessCheck, DaemonReadiness>();
        services.AddSingleton(sp => new WebKeyRing(Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Directory), "web-keys")));
        services.AddSingleton<IWebArea, LoginArea>();
        services.AddSingleton<IWebLinks, WebLinks>();
        services.AddSingleton<IWebArea, Web.Unsubscribe.UnsubscribeArea>();
        services.AddSingleton<Core.Administration.IRosterFileParser, Cli.CsvRosterFileParser>();
        services.AddSingleton<IWebArea, Web.Admin.AdminArea>();
        services.AddSingleton<IWebArea, Integreat.Lists.Web.Archive.ArchiveArea>();
        services.AddSingleton<IWebArea, Web.Api.ApiArea>();
        services.AddSingleton<WebServer>();
        services.AddHostedService(sp => sp.GetRequiredService<WebServer>());
        return services;
    }
}
