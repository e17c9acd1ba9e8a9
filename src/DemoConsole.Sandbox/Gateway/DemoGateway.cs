using System.Globalization;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// The ingress pipeline: pick a Ready gateway pod and a Ready backend pod (none → 503 "no healthy upstream", as
/// Envoy says), wait the modelled latency, then count the request in the Istio metrics and write an access-log
/// line to that gateway pod's container log.
/// </summary>
internal sealed class DemoGateway(Cluster cluster)
{
    private const string GatewayApp = "api-gateway";
    private const string GatewayContainer = "api-gateway-container";
    private readonly LatencyModel _latency = new(Random.Shared);
    private int _roundRobin;

    public IstioMetrics Metrics { get; } = new();

    public ContainerMetrics Containers { get; } = new(cluster);

    public async Task<GatewayResponse> HandleAsync(string method, string path, string client, string userAgent, CancellationToken cancellationToken)
    {
        var gatewayPod = PickReady(GatewayApp);
        var route = GatewayRoutes.Find(path);
        var service = route?.Service ?? "prod-api-gateway";
        GatewayResponse response;
        StoredObject? backend = null;
        if (gatewayPod is null)
        {
            response = GatewayResponse.Text(503, "no healthy upstream");
        }
        else if (route is null)
        {
            response = GatewayResponse.Json("{\"detail\":\"Not Found\"}", 404);
        }
        else if (!route.Methods.Contains(method))
        {
            response = GatewayResponse.Json("{\"detail\":\"Method Not Allowed\"}", 405) with { Allow = string.Join(", ", route.Methods) };
        }
        else if ((backend = PickReady(route.App)) is null)
        {
            response = GatewayResponse.Text(503, "no healthy upstream");
        }
        else
        {
            response = route.Respond(method, path);
        }

        var milliseconds = _latency.Sample(response.Status, backend is not null);
        var delay = cluster.Scaled(TimeSpan.FromMilliseconds(milliseconds));
        if (delay >= TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(delay, cluster.Time, cancellationToken);
        }

        Metrics.Record(service, method, response.Status, milliseconds);
        if (gatewayPod is not null)
        {
            cluster.Usage.CountRequest(gatewayPod.Uid);
            AccessLog(gatewayPod, method, path, response, milliseconds, client, userAgent, service);
        }

        if (backend is not null)
        {
            cluster.Usage.CountRequest(backend.Uid);
        }

        return response;
    }

    private void AccessLog(StoredObject pod, string method, string path, GatewayResponse response, double milliseconds, string client, string userAgent, string service)
    {
        var level = response.Status switch { >= 500 => "ERROR", >= 400 => "WARN ", _ => "INFO " };
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{level} {client} \"{method} {path} HTTP/1.1\" {response.Status} {response.Body.Length} {milliseconds:0.0}ms upstream={service} \"{userAgent}\"");
        cluster.Logs.For(pod.Uid, GatewayContainer).Append(cluster.Now, line);
    }

    private StoredObject? PickReady(string app)
    {
        var ready = cluster.Store.List(ResourceTypes.Pods, "titanium-prod").Items
            .Where(p => (string?)p.Metadata["labels"]?["app"] == app && PodStatus.IsReady(p.Node)).ToList();
        return ready.Count == 0 ? null : ready[(Interlocked.Increment(ref _roundRobin) & int.MaxValue) % ready.Count];
    }
}
