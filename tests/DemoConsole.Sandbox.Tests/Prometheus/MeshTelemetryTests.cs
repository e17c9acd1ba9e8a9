using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests.Prometheus;

/// <summary>Istio's standard metrics for every hop of a request, as the sidecars on its way report them.</summary>
public sealed class MeshTelemetryTests
{
    [Fact]
    public async Task UsersRequest_EveryHop_ReportedBySourceAndDestinationProxies()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var gateway = TestSandbox.Gateway(sandbox);

        (await gateway.GetAsync(new Uri("/api/users", UriKind.Relative))).Dispose();
        var lines = (await gateway.GetStringAsync(new Uri("/stats/prometheus", UriKind.Relative))).Split('\n');

        // ingress gateway → api-gateway and api-gateway → user-service, each counted once per reporter.
        Assert.Single(lines, l => l.StartsWith("istio_requests_total{", StringComparison.Ordinal) && Has(l, "reporter", "source")
            && Has(l, "source_workload", "istio-ingressgateway") && Has(l, "destination_workload", "prod-api-gateway-deployment")
            && Has(l, "connection_security_policy", "unknown") && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("istio_requests_total{", StringComparison.Ordinal) && Has(l, "reporter", "destination")
            && Has(l, "source_workload", "prod-api-gateway-deployment") && Has(l, "destination_workload", "prod-user-service-deployment")
            && Has(l, "connection_security_policy", "mutual_tls") && Has(l, "destination_principal", "spiffe://cluster.local/ns/titanium-prod/sa/default")
            && Has(l, "response_code", "200") && Has(l, "destination_version", "v2.0.2") && l.EndsWith(" 1", StringComparison.Ordinal));

        // The data tier has no sidecar: plaintext TCP, reported by the client side only.
        Assert.Single(lines, l => l.StartsWith("istio_tcp_sent_bytes_total{", StringComparison.Ordinal) && Has(l, "reporter", "source")
            && Has(l, "source_workload", "prod-user-service-deployment") && Has(l, "destination_service_name", "postgresql-service")
            && Has(l, "connection_security_policy", "unknown"));
        Assert.DoesNotContain(lines, l => Has(l, "destination_service_name", "postgresql-service") && Has(l, "reporter", "destination"));
        Assert.Equal(IstioBuckets + 1, lines.Count(l => l.StartsWith("istio_request_duration_milliseconds_bucket{", StringComparison.Ordinal)
            && Has(l, "reporter", "destination") && Has(l, "destination_workload", "prod-user-service-deployment")));
    }

    [Fact]
    public async Task UnreadyBackend_503_OnlyTheClientProxyReportsTheUnknownDestination()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var gateway = TestSandbox.Gateway(sandbox);
        foreach (var pod in sandbox.Cluster.Store.List(ResourceTypes.Pods, "titanium-prod").Items.Where(p => (string?)p.Metadata["labels"]?["app"] == "blog-service"))
        {
            sandbox.Cluster.Store.Update(ResourceTypes.Pods, pod.Namespace, pod.Name, p =>
            {
                PodStatus.SetReady(p, false, Rfc3339.Format(sandbox.Cluster.Now));
                return true;
            });
        }

        (await gateway.GetAsync(new Uri("/blog/", UriKind.Relative))).Dispose();
        var lines = (await gateway.GetStringAsync(new Uri("/stats/prometheus", UriKind.Relative))).Split('\n')
            .Where(l => l.StartsWith("istio_requests_total{", StringComparison.Ordinal)).ToList();

        Assert.Single(lines, l => Has(l, "reporter", "source") && Has(l, "destination_service_name", "prod-blog-service")
            && Has(l, "destination_workload", "unknown") && Has(l, "response_flags", "UH") && Has(l, "response_code", "503"));
        Assert.DoesNotContain(lines, l => Has(l, "reporter", "destination") && Has(l, "destination_service_name", "prod-blog-service"));
        Assert.Single(lines, l => Has(l, "reporter", "destination") && Has(l, "destination_service_name", "prod-api-gateway") && Has(l, "response_code", "503"));
    }

    private const int IstioBuckets = 19;

    private static bool Has(string line, string label, string value) => line.Contains($"{label}=\"{value}\"", StringComparison.Ordinal);
}
