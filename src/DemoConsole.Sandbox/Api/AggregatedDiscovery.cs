using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// Aggregated discovery (apidiscovery.k8s.io/v2), which kubectl 1.30+ asks for first on /api and /apis: one
/// request instead of one per group/version.
/// </summary>
internal static class AggregatedDiscovery
{
    public const string ContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static bool IsRequested(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal);

    public static JsonObject Document(bool core)
    {
        var groups = core ? [""] : Discovery.Groups();
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = new JsonArray(groups.Select(g => (JsonNode)GroupDiscovery(g)).Concat(core ? [] : [MetricsGroup()]).ToArray()),
        };
    }

    // metrics.k8s.io: pods and nodes, get and list only (metrics-server's resources).
    private static JsonObject MetricsGroup()
    {
        JsonObject Resource(string plural, string singular, string kind, bool namespaced) => new()
        {
            ["resource"] = plural,
            ["responseKind"] = new JsonObject { ["group"] = ResourceMetricsApi.Group, ["version"] = ResourceMetricsApi.Version, ["kind"] = kind },
            ["scope"] = namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = singular,
            ["verbs"] = new JsonArray("get", "list"),
        };

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = ResourceMetricsApi.Group },
            ["versions"] = new JsonArray(new JsonObject
            {
                ["version"] = ResourceMetricsApi.Version,
                ["resources"] = new JsonArray(Resource("nodes", "node", "NodeMetrics", false), Resource("pods", "pod", "PodMetrics", true)),
                ["freshness"] = "Current",
            }),
        };
    }

    private static JsonObject GroupDiscovery(string group)
    {
        var versions = ResourceTypes.All.Where(t => t.Group == group).Select(t => t.Version).Distinct()
            .Select(v => (JsonNode)new JsonObject
            {
                ["version"] = v,
                ["resources"] = new JsonArray(ResourceTypes.All.Where(t => t.Group == group && t.Version == v)
                    .Select(t => (JsonNode)Resource(t)).ToArray()),
                ["freshness"] = "Current",
            }).ToArray();
        var metadata = new JsonObject();
        if (group.Length > 0)
        {
            metadata["name"] = group;
        }

        return new JsonObject { ["metadata"] = metadata, ["versions"] = new JsonArray(versions) };
    }

    private static JsonObject Resource(ResourceType t)
    {
        var resource = new JsonObject
        {
            ["resource"] = t.Plural,
            ["responseKind"] = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind },
            ["scope"] = t.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = t.Singular,
            ["verbs"] = new JsonArray(ResourceType.Verbs.Select(v => (JsonNode)v).ToArray()),
        };
        if (t.ShortNames.Count > 0)
        {
            resource["shortNames"] = new JsonArray(t.ShortNames.Select(s => (JsonNode)s).ToArray());
        }

        if (t.InAllCategory)
        {
            resource["categories"] = new JsonArray("all");
        }

        if (t.Subresources.Count > 0)
        {
            resource["subresources"] = new JsonArray(t.Subresources.Select(s =>
            {
                var (kind, verbs) = Discovery.SubresourceShape(t, s);
                var group = s == "scale" ? "autoscaling" : t.Group;
                var version = s == "scale" ? "v1" : t.Version;
                return (JsonNode)new JsonObject
                {
                    ["subresource"] = s,
                    ["responseKind"] = new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = kind },
                    ["verbs"] = new JsonArray(verbs.Select(v => (JsonNode)v).ToArray()),
                };
            }).ToArray());
        }

        return resource;
    }
}
