using System.Net;

namespace DemoConsole.Sandbox.Prometheus.Api;

/// <summary>
/// The twin's HTTP server: Prometheus's /api/v1 (query, query_range, rules, alerts, buildinfo) and Alertmanager's
/// /api/v2/alerts on one loopback port. Errors use Prometheus's envelope and status codes.
/// </summary>
internal static class PrometheusServer
{
    public static WebApplication Build(PrometheusTwin twin, IPAddress address, int port)
    {
        var app = LoopbackWebApp.CreateBuilder(address, port).Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (ApiError e) when (!context.Response.HasStarted)
            {
                await ApiJson.WriteErrorAsync(context, e.ErrorType, e.Message, e.HttpStatus);
            }
        });

        // Go clients (Kiali, Grafana's backend) POST form-encoded first and fall back to GET.
        app.MapMethods("/api/v1/query", ["GET", "POST"], (HttpContext c) => QueryEndpoints.InstantAsync(c, twin));
        app.MapMethods("/api/v1/query_range", ["GET", "POST"], (HttpContext c) => QueryEndpoints.RangeAsync(c, twin));
        app.MapGet("/api/v1/rules", (HttpContext c) => RulesEndpoints.RulesAsync(c, twin));
        app.MapGet("/api/v1/alerts", (HttpContext c) => RulesEndpoints.AlertsAsync(c, twin));
        app.MapGet("/api/v1/status/buildinfo", (HttpContext c) => ApiJson.WriteSuccessAsync(c, json =>
        {
            json.WriteStartObject();
            json.WriteString("version", "2.42.0-sandbox");
            json.WriteString("revision", "sandbox");
            json.WriteString("branch", "sandbox");
            json.WriteString("buildUser", "demo-console");
            json.WriteString("buildDate", "");
            json.WriteString("goVersion", "");
            json.WriteEndObject();
        }));
        app.MapGet("/api/v1/label/{name}/values", (HttpContext c, string name) => ApiJson.WriteSuccessAsync(c, json =>
        {
            // Kiali lists metric names this way; values over every series the twin holds.
            json.WriteStartArray();
            foreach (var value in twin.Store.LabelValues(name))
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }));
        app.MapGet("/api/v2/alerts", (HttpContext c) => AlertmanagerEndpoints.AlertsAsync(c, twin));
        app.MapGet("/-/healthy", () => Results.Text("Prometheus Server is Healthy.\n"));
        app.MapGet("/-/ready", () => Results.Text("Prometheus Server is Ready.\n"));
        app.MapFallback((HttpContext c) => ApiJson.WriteErrorAsync(c, "not_found", "page not found", 404));
        return app;
    }
}
