using System.Globalization;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// The exact label set the Istio proxy attaches to its standard metrics (istio/proxy fixtures), filled the way a
/// source or destination proxy knows them: the source side cannot tell the connection's security policy
/// ("unknown"), a destination the client never reached is "unknown".
/// </summary>
internal static class IstioLabels
{
    private const string Cluster = "Kubernetes";

    public static LabelSet Http(MeshHop hop, string reporter, int code, string flags)
    {
        var labels = Common(hop, reporter);
        labels["request_protocol"] = "http";
        labels["response_code"] = code.ToString(CultureInfo.InvariantCulture);
        labels["response_flags"] = flags;
        labels["connection_security_policy"] = reporter == "destination" ? "mutual_tls" : "unknown";
        return LabelSet.From(labels);
    }

    public static LabelSet Tcp(MeshHop hop)
    {
        var labels = Common(hop, "source");
        labels["request_protocol"] = "tcp";
        labels["response_flags"] = "-";
        labels["connection_security_policy"] = "unknown";
        return LabelSet.From(labels);
    }

    private static Dictionary<string, string> Common(MeshHop hop, string reporter)
    {
        var (client, server) = (hop.Client, hop.Server);
        var reached = hop.ServerVersion is not null;
        var mtls = reached && server.Sidecar;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reporter"] = reporter,
            ["source_workload"] = client.Workload,
            ["source_workload_namespace"] = client.Namespace,
            ["source_app"] = client.App,
            ["source_version"] = client.App == MeshWorkload.IngressGateway.App ? "unknown" : hop.ClientVersion,
            ["source_canonical_service"] = client.App,
            ["source_canonical_revision"] = Revision(hop.ClientVersion),
            ["source_principal"] = mtls ? client.Principal : "unknown",
            ["source_cluster"] = Cluster,
            ["destination_workload"] = reached ? server.Workload : "unknown",
            ["destination_workload_namespace"] = reached ? server.Namespace : "unknown",
            ["destination_app"] = reached ? server.App : "unknown",
            ["destination_version"] = hop.ServerVersion ?? "unknown",
            ["destination_canonical_service"] = reached ? server.App : "unknown",
            ["destination_canonical_revision"] = Revision(hop.ServerVersion),
            ["destination_principal"] = mtls ? server.Principal : "unknown",
            ["destination_service"] = server.ServiceHost,
            ["destination_service_name"] = server.Service,
            ["destination_service_namespace"] = server.Namespace,
            ["destination_cluster"] = reached ? Cluster : "unknown",
        };
    }

    private static string Revision(string? version) => version is null or "unknown" ? "latest" : version;
}
