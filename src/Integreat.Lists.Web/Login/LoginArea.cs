using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Notices;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Web.Login;

/// <summary>The sign-in area: cookie authentication (scheme <c>Integreat</c>), antiforgery, the sign-in pages and
/// the shared page style; other areas read <c>HttpContext.User</c> and ask <see cref="WebAccess"/>.</summary>
/// <remarks>Cookies are HttpOnly, SameSite=Lax, and Secure when <c>Web:BaseUrl</c> is https.</remarks>
public sealed class LoginArea : IWebArea
{
    /// <summary>The session cookie's name.</summary>
    public const string SessionCookie = "integreat_session";

    /// <inheritdoc/>
    public int Order => 10;

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, IServiceProvider daemon)
    {
        var options = daemon.GetRequiredService<IOptions<WebOptions>>();
        Forward<IListRepository>(services, daemon);
        Forward<IRosterRepository>(services, daemon);
        Forward<IPendingRequestStore>(services, daemon);
        Forward<IRateLimitStore>(services, daemon);
        Forward<ITemplateRenderer>(services, daemon);
        Forward<DeliveryHandoff>(services, daemon);
        Forward<TimeProvider>(services, daemon);
        services.TryAddSingleton(options);
        services.AddSingleton<WebAccess>();
        services.AddSingleton<LoginTokens>();
        services.AddSingleton<LoginMailer>();
        Forward<IWebLinks>(services, daemon);
        var secure = IsHttps(options.Value) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var protection = services.AddDataProtection().SetApplicationName("Integreat.Lists");
        if (daemon.GetService<WebKeyRing>() is { } ring) protection.PersistKeysToFileSystem(ring.Open());
        services.AddAuthentication(WebAccess.Scheme).AddCookie(WebAccess.Scheme, cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = options.Value.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.ReturnUrlParameter = "return";
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "integreat_antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Lax;
            antiforgery.Cookie.SecurePolicy = secure;
        });
    }

    /// <inheritdoc/>
    /// <remarks>Behind an https <c>Web:BaseUrl</c> Kestrel speaks plain http to the reverse proxy that ends TLS; the
    /// public scheme is the configured one, so requests count as https (Secure cookies, antiforgery's https check).</remarks>
    public void UseMiddleware(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        if (IsHttps(options))
            app.Use((context, next) =>
            {
                context.Request.Scheme = "https";
                return next(context);
            });
        app.UseAuthentication();
    }

    static bool IsHttps(WebOptions options) => options.BaseUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        SiteStyle.Map(endpoints);
        LoginEndpoints.Map(endpoints);
    }

    /// <summary>Makes a daemon singleton available to the web application (same instance), unless already there.</summary>
    public static void Forward<T>(IServiceCollection services, IServiceProvider daemon) where T : class
        => services.TryAddSingleton(_ => daemon.GetRequiredService<T>());
}
