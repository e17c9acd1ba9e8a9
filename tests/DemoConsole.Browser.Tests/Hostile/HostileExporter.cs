using System.Globalization;
using System.Text;
using DemoConsole.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace DemoConsole.Browser.Tests.Hostile;

/// <summary>
/// A /metrics endpoint on loopback whose Istio and container series carry hostile label values (workload, service and
/// pod names are any text to Prometheus): a payload, right-to-left and zero-width characters, and a 10,000-character
/// name. Counters grow at every scrape so that rates are not empty. Scraped by the real Prometheus.
/// </summary>
public sealed class HostileExporter : IAsyncDisposable
{
    public const string Payload = "<img src=x onerror=window.__pwned=1>";
    public static readonly string Workload = Payload + "\u202Eevil\u200Bname";
    public static readonly string LongService = "svc-" + new string('s', 10_000);

    private static readonly string[] Buckets = ["5", "10", "25", "50", "100", "+Inf"];
    private LoopbackServer? _server;
    private long _scrapes;

    /// <summary>host:port, for the scrape configuration.</summary>
    public string Authority => _server!.Address.Authority;

    public static async Task<HostileExporter> StartAsync()
    {
        var exporter = new HostileExporter();
        exporter._server = await LoopbackServer.StartAsync(exporter.ServeAsync);
        return exporter;
    }

    private Task ServeAsync(HttpContext context)
    {
        if (context.Request.Path != "/metrics")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "text/plain; version=0.0.4";
        return context.Response.WriteAsync(Exposition(Interlocked.Increment(ref _scrapes)), context.RequestAborted);
    }

    private static string Exposition(long scrape)
    {
        var requests = 10 * scrape;
        var hop = $"reporter=\"destination\",source_workload=\"istio-ingressgateway\",source_workload_namespace=\"istio-system\"," +
                  $"destination_workload=\"{Workload}\",destination_workload_namespace=\"titanium-prod\",destination_service_name=\"{LongService}\"," +
                  "connection_security_policy=\"mutual_tls\"";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"istio_requests_total{{{hop},response_code=\"200\"}} {requests}\n");
        text.Append(CultureInfo.InvariantCulture, $"istio_requests_total{{{hop},response_code=\"503\"}} {scrape}\n");
        for (var i = 0; i < Buckets.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"istio_request_duration_milliseconds_bucket{{{hop},response_code=\"200\",le=\"{Buckets[i]}\"}} {requests * (i + 1) / Buckets.Length}\n");
        }

        var container = $"namespace=\"titanium-prod\",container=\"web\",pod=\"{Workload}-pod\"";
        text.Append(CultureInfo.InvariantCulture, $"container_cpu_usage_seconds_total{{{container}}} {0.05 * scrape}\n");
        text.Append(CultureInfo.InvariantCulture, $"container_memory_working_set_bytes{{{container}}} 52428800\n");
        return text.ToString();
    }

    public async ValueTask DisposeAsync() => await _server!.DisposeAsync();
}
