using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Integreat.Lists.Web;

/// <summary>The operational endpoints: <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
public static class WebEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <remarks><c>/healthz</c> answers 200 while the process serves HTTP (liveness). <c>/readyz</c> answers 200
    /// <c>ready</c>, or 503 with one problem per line. <c>/metrics</c> is the Prometheus text format.</remarks>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", (IReadinessCheck check) =>
        {
            var problems = check.Problems();
            return problems.Count == 0
                ? Results.Text("ready\n")
                : Results.Text(string.Join('\n', problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapMetrics("/metrics", app.ServiceProvider.GetRequiredService<PrometheusListMetrics>().Registry);
    }
}
