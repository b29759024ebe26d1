using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Api;
using Integreat.Lists.Core.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Api;

/// <summary>What the API uses of the daemon: Core's ports and use cases, taken from the daemon's container once, so
/// the API changes lists, rosters and held posts exactly as the CLI does (the same <see cref="HoldDecisions"/> as
/// the <c>held</c> command inside the daemon).</summary>
internal sealed class ApiBackend(IServiceProvider daemon)
{
    /// <summary>The audit channel of every change made through the API.</summary>
    public const string Channel = "api";

    /// <summary>The token use cases.</summary>
    public ApiTokens Tokens { get; } = ActivatorUtilities.CreateInstance<ApiTokens>(daemon);

    /// <summary>The decisions on held posts.</summary>
    public HoldDecisions Holds { get; } = daemon.GetRequiredService<HoldDecisions>();

    /// <summary>The records of held posts.</summary>
    public IHeldPostStore Held { get; } = daemon.GetRequiredService<IHeldPostStore>();

    /// <summary>The bounce events.</summary>
    public IBounceEventStore Bounces { get; } = daemon.GetRequiredService<IBounceEventStore>();

    /// <summary>The list and roster use cases, auditing with channel <c>api</c> and the token as actor.</summary>
    public ListAdministration Lists(ApiToken token) => new ListAdministration(daemon.GetRequiredService<IListRepository>(),
        daemon.GetRequiredService<IRosterRepository>(), daemon.GetRequiredService<TimeProvider>(),
        daemon.GetRequiredService<IAuditLog>(), daemon.GetService<IPersonDataStore>()).For(token.Actor(), Channel);
}
