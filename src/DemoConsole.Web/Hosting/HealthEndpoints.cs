using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Probes for Kubernetes: <c>/health/live</c> answers while the process serves requests (a restart would not help
/// otherwise); <c>/health/ready</c> runs the checks tagged "ready" (scenario loaded, state folder writable) and answers
/// 503 with what failed. <c>/health</c> stays as before for existing monitors.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ScenarioLoadedCheck>("scenario", tags: [ReadyTag])
            .AddCheck<StateFolderWritableCheck>("state", tags: [ReadyTag]);
        return services;
    }

    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapGet("/health/live", () => Results.Text("ok"));
        app.MapGet("/health/ready", async (HealthCheckService health, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckHealthAsync(r => r.Tags.Contains(ReadyTag), cancellationToken);
            var text = new StringBuilder(report.Status == HealthStatus.Healthy ? "ready" : "not ready").AppendLine();
            foreach (var (name, entry) in report.Entries)
            {
                text.AppendLine($"{name}: {entry.Status}: {entry.Description}");
            }

            return Results.Text(text.ToString(), statusCode: report.Status == HealthStatus.Healthy ? 200 : 503);
        });
    }
}
