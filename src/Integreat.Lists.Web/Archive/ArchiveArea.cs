using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Web.Login;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Web.Archive;

/// <summary>The list archive on the web port: <c>/archive/{list}</c> (threads and months, newest first),
/// <c>/archive/{list}/{yyyy-MM}</c> and <c>{yyyy-MM}.mbox</c>, <c>/archive/{list}/thread/{id}</c>,
/// <c>/archive/{list}/post/{id}</c>, <c>/archive/{list}/post/{id}/part/{n}</c> and <c>/archive/{list}/search?q=</c>.
/// Read access per list: <see cref="ArchiveAccess"/> (needs the login area's <see cref="WebAccess"/>).</summary>
public sealed class ArchiveArea : IWebArea
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, IServiceProvider daemon)
    {
        LoginArea.Forward<IArchiveStore>(services, daemon);
        LoginArea.Forward<IListRepository>(services, daemon);
        LoginArea.Forward<IOptions<ArchiveOptions>>(services, daemon);
        services.AddSingleton<ArchiveAccess>();
        services.AddSingleton<ArchiveSearch>();
    }

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/archive/{list}", ArchiveListPages.Index);
        endpoints.MapGet("/archive/{list}/search", ArchiveSearchPage.Search);
        endpoints.MapGet("/archive/{list}/thread/{id}", ArchiveListPages.Thread);
        endpoints.MapGet("/archive/{list}/post/{id}", ArchivePostPages.Post);
        endpoints.MapGet("/archive/{list}/post/{id}/part/{n:int}", ArchivePostPages.Part);
        endpoints.MapGet("/archive/{list}/{month}", ArchiveListPages.Month);
    }
}
