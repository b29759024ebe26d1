using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Integreat.Lists.Web.Api;

/// <summary>Completes the generated OpenAPI document: title, version, description, and the bearer scheme (RFC 6750)
/// that every operation requires.</summary>
internal static class ApiDocument
{
    /// <summary>The scheme's name in <c>components.securitySchemes</c>.</summary>
    const string Scheme = "bearer";

    /// <summary>The document transformer.</summary>
    public static Task Transform(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Integreat.Lists API";
        document.Info.Version = "v1";
        document.Info.Description = "Lists, members, held posts and bounces. Every endpoint needs 'Authorization: Bearer TOKEN' " +
            "(integreat-lists api-token create); errors are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A token from 'integreat-lists api-token create'.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
