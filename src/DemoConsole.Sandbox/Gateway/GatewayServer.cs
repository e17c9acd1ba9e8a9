using System.Net;
using System.Text;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// The demo gateway on its own port: every request goes through <see cref="DemoGateway"/>, except the scrape
/// endpoints: /stats/prometheus (the sidecars' Istio metrics, Envoy's path), /metrics/cadvisor (the kubelet's
/// container metrics) and /metrics (both).
/// </summary>
internal static class GatewayServer
{
    public const string IstioPath = "/stats/prometheus";
    public const string CadvisorPath = "/metrics/cadvisor";

    public static WebApplication Build(DemoGateway gateway, IPAddress address, int port)
    {
        var app = LoopbackWebApp.CreateBuilder(address, port).Build();
        app.Run(async context =>
        {
            var request = context.Request;
            if (request.Method == "GET" && Families(gateway, request.Path.Value) is { } families)
            {
                var text = new StringBuilder();
                Exposition.Write(text, families);
                context.Response.ContentType = Exposition.ContentType;
                await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
                return;
            }

            var client = context.Connection.RemoteIpAddress?.ToString() ?? "-";
            var response = await gateway.HandleAsync(request.Method, request.Path.Value ?? "/", client, request.Headers.UserAgent.ToString(), context.RequestAborted);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            context.Response.Headers["server"] = "istio-envoy";
            context.Response.Headers["x-envoy-upstream-service-time"] = "3";
            if (response.Allow is not null)
            {
                context.Response.Headers.Allow = response.Allow;
            }

            if (request.Method != "HEAD")
            {
                await context.Response.WriteAsync(response.Body, context.RequestAborted);
            }
        });
        return app;
    }

    /// <summary>The families a scrape path exposes; null when the path is not a scrape endpoint.</summary>
    public static IEnumerable<MetricFamily>? Families(DemoGateway gateway, string? path) => path switch
    {
        "/metrics" => gateway.Metrics.Families().Concat(gateway.Containers.Families()),
        IstioPath => gateway.Metrics.Families(),
        CadvisorPath => gateway.Containers.Families(),
        _ => null,
    };
}
