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

        RecordMesh(gatewayPod, route, backend, response.Status, milliseconds);
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

    /// <summary>
    /// Reports every hop the request took through the mesh, as the sidecars on its way would: ingress gateway to
    /// api-gateway, api-gateway to the service behind the route, and that service's queries to its data stores.
    /// </summary>
    private void RecordMesh(StoredObject? gatewayPod, GatewayRoute? route, StoredObject? backend, int status, double milliseconds)
    {
        var ingress = PickReady(MeshWorkload.IngressGateway.App, MeshWorkload.IngressGateway.Namespace);
        if (ingress is not null)
        {
            cluster.Usage.CountRequest(ingress.Uid);
        }

        var gatewayVersion = Version(gatewayPod);
        Metrics.RecordHttp(new MeshHop(MeshWorkload.IngressGateway, Version(ingress) ?? "unknown", MeshWorkload.ApiGateway, gatewayVersion), status, milliseconds);
        if (gatewayVersion is null || route is null || route.App == MeshWorkload.ApiGateway.App || MeshWorkload.ByApp(route.App) is not { } service
            || (backend is null && status != 503))
        {
            return;
        }

        var serviceVersion = Version(backend);
        Metrics.RecordHttp(new MeshHop(MeshWorkload.ApiGateway, gatewayVersion, service, serviceVersion), status, Math.Round(milliseconds * 0.8, 1));
        if (serviceVersion is null)
        {
            return;
        }

        foreach (var store in service.DataStores)
        {
            var pod = PickReady(store.App, store.Namespace);
            if (pod is not null)
            {
                cluster.Usage.CountRequest(pod.Uid);
                Metrics.RecordTcp(new MeshHop(service, serviceVersion, store, Version(pod) ?? "unknown"), 180, 1200);
            }
        }
    }

    private static string? Version(StoredObject? pod) =>
        pod is null ? null : (string?)pod.Metadata["labels"]?["version"] ?? "unknown";

    private StoredObject? PickReady(string app, string ns = "titanium-prod")
    {
        var ready = cluster.Store.List(ResourceTypes.Pods, ns).Items
            .Where(p => (string?)p.Metadata["labels"]?["app"] == app && PodStatus.IsReady(p.Node)).ToList();
        return ready.Count == 0 ? null : ready[(Interlocked.Increment(ref _roundRobin) & int.MaxValue) % ready.Count];
    }
}
