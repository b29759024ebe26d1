using Integreat.Lists.Core.Unsubscribe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Unsubscribe;

/// <summary>One-click unsubscribe (RFC 8058) at <c>/u/{token}</c>: <c>POST</c> with the form field
/// <c>List-Unsubscribe=One-Click</c> unsubscribes at once (mail programs send it without showing a page);
/// <c>GET</c> only shows a confirmation page with a button, because mail scanners fetch links on their own.</summary>
/// <remarks>No antiforgery token here: RFC 8058 POSTs come from mail providers without a session, and the token in
/// the URL is itself the secret that proves the link was mailed to the member.</remarks>
public sealed class UnsubscribeArea : IWebArea
{
    /// <summary>The form field and value RFC 8058 §3.1 prescribes.</summary>
    const string Field = "List-Unsubscribe", Value = "One-Click";

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, IServiceProvider daemon)
        => services.AddSingleton(daemon.GetRequiredService<OneClickUnsubscribe>());

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/u/{token}", (string token, HttpContext context, OneClickUnsubscribe unsubscribe) =>
        {
            var english = UnsubscribePage.WantsEnglish(context.Request);
            return unsubscribe.Find(token) is { } found
                ? UnsubscribePage.Html(found.Member ? UnsubscribePage.Confirm(found.List.Name, found.Address, english)
                    : UnsubscribePage.Done(found.List.Name, found.Address, english))
                : UnsubscribePage.Html(UnsubscribePage.Unknown(english), StatusCodes.Status404NotFound);
        });
        endpoints.MapPost("/u/{token}", async (string token, HttpContext context, OneClickUnsubscribe unsubscribe) =>
        {
            var english = UnsubscribePage.WantsEnglish(context.Request);
            if (!context.Request.HasFormContentType)
                return UnsubscribePage.Html(UnsubscribePage.BadRequest(english), StatusCodes.Status400BadRequest);
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form[Field] != Value) return UnsubscribePage.Html(UnsubscribePage.BadRequest(english), StatusCodes.Status400BadRequest);
            return unsubscribe.Leave(token) is { } left
                ? UnsubscribePage.Html(UnsubscribePage.Done(left.List.Name, left.Address, english))
                : UnsubscribePage.Html(UnsubscribePage.Unknown(english), StatusCodes.Status404NotFound);
        });
    }
}
