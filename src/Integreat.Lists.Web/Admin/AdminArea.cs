using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Web.Login;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integreat.Lists.Web.Admin;

/// <summary>The admin area for owners, moderators and site admins: <c>/admin</c> and <c>/admin/{list}/…</c>
/// (settings, roster, import, held posts, subscriptions, audit log). Every request is authorised per list and role by
/// <see cref="AdminGate"/>, every form carries an antiforgery token, every change is audited with channel <c>web</c>.</summary>
public sealed class AdminArea : IWebArea
{
    /// <inheritdoc/>
    public int Order => 50;

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, IServiceProvider daemon)
    {
        LoginArea.Forward<IAuditLog>(services, daemon);
        LoginArea.Forward<IHeldPostStore>(services, daemon);
        LoginArea.Forward<ISpool>(services, daemon);
        LoginArea.Forward<HoldDecisions>(services, daemon);
        LoginArea.Forward<MembershipWorkflow>(services, daemon);
        LoginArea.Forward<BounceActions>(services, daemon);
        LoginArea.Forward<IRosterFileParser>(services, daemon);
        services.TryAddSingleton(_ => new ListAdministration(daemon.GetRequiredService<IListRepository>(), daemon.GetRequiredService<IRosterRepository>(),
            daemon.GetRequiredService<TimeProvider>(), daemon.GetRequiredService<IAuditLog>(), daemon.GetService<IPersonDataStore>()));
        services.TryAddSingleton(_ => ActivatorUtilities.CreateInstance<MemberFlags>(daemon));
    }

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").RequireAntiforgeryToken();
        AdminHome.Map(group);
        SettingsPages.Map(group);
        RosterPage.Map(group);
        RosterActions.Map(group);
        ImportPages.Map(group);
        HeldPages.Map(group);
        PendingPages.Map(group);
        AuditPage.Map(group);
    }
}
