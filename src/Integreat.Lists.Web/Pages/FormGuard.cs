using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Pages;

/// <summary>Refuses a form POST without a valid antiforgery token (ASP.NET Core antiforgery: the form field must
/// match the cookie and the signed-in user) with 400, before the handler runs, so a forged request changes nothing.</summary>
public static class FormGuard
{
    /// <summary>Adds the check to an endpoint or a group.</summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            if (!HttpMethods.IsPost(context.Request.Method)) return await next(invocation);
            try
            {
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                var ui = Ui.For(context);
                return Page.Message(context, ui, ui.T("Formular abgelaufen", "Form expired"),
                    ui.T("Das Formular war nicht mehr gültig. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
                        "The form was no longer valid. Please reload the page and try again."), StatusCodes.Status400BadRequest);
            }
            return await next(invocation);
        });
}
