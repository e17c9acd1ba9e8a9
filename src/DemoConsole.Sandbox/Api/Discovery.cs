using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// Legacy discovery documents (/api, /apis, /api/v1, /apis/group/version): how clients map "peerauthentication"
/// or "hpa" to a group, version and plural.
/// </summary>
internal static class Discovery
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.4",
        ["gitCommit"] = "59526cd4867447956156ae3a602fcbac10a2c335",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-04-22T16:02:27Z",
        ["goVersion"] = "go1.23.6",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = serverAddress,
        }),
    };

    public static JsonObject GroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(Groups().Select(g => (JsonNode)Group(g, withKind: false)).Append(MetricsGroup(withKind: false)).ToArray()),
    };

    public static JsonObject? Group(string name) =>
        name == ResourceMetricsApi.Group ? MetricsGroup(withKind: true) : Groups().Contains(name) ? Group(name, withKind: true) : null;

    /// <summary>metrics.k8s.io, served by <see cref="ResourceMetricsApi"/> rather than the store (as metrics-server is an aggregated API).</summary>
    public static JsonObject MetricsGroup(bool withKind)
    {
        var version = new JsonObject { ["groupVersion"] = $"{ResourceMetricsApi.Group}/{ResourceMetricsApi.Version}", ["version"] = ResourceMetricsApi.Version };
        var group = new JsonObject
        {
            ["name"] = ResourceMetricsApi.Group,
            ["versions"] = new JsonArray(version),
            ["preferredVersion"] = version.DeepClone(),
        };
        if (withKind)
        {
            group["kind"] = "APIGroup";
            group["apiVersion"] = "v1";
        }

        return group;
    }

    public static JsonObject? ResourceList(string group, string version)
    {
        var types = ResourceTypes.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var t in types)
        {
            resources.Add(Resource(t, t.Plural, t.Kind, ResourceType.Verbs, withAliases: true));
            foreach (var sub in t.Subresources)
            {
                var (kind, verbs) = SubresourceShape(t, sub);
                resources.Add(Resource(t, $"{t.Plural}/{sub}", kind, verbs, withAliases: false));
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].GroupVersion,
            ["resources"] = resources,
        };
    }

    public static (string Kind, IReadOnlyList<string> Verbs) SubresourceShape(ResourceType t, string sub) => sub switch
    {
        "log" => ("Pod", ["get"]),
        "scale" => ("Scale", ["get", "patch", "update"]),
        "eviction" => ("Eviction", ["create"]),
        "token" => ("TokenRequest", ["create"]),
        "finalize" => (t.Kind, ["update"]),
        _ => (t.Kind, ["get", "patch", "update"]),
    };

    internal static IReadOnlyList<string> Groups() =>
        ResourceTypes.All.Where(t => t.Group.Length > 0).Select(t => t.Group).Distinct().ToList();

    private static JsonObject Group(string name, bool withKind)
    {
        var versions = ResourceTypes.All.Where(t => t.Group == name).Select(t => t.Version).Distinct()
            .Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{name}/{v}", ["version"] = v }).ToArray();
        var group = new JsonObject
        {
            ["name"] = name,
            ["versions"] = new JsonArray(versions),
            ["preferredVersion"] = versions[0].DeepClone(),
        };
        if (withKind)
        {
            group["kind"] = "APIGroup";
            group["apiVersion"] = "v1";
        }

        return group;
    }

    private static JsonObject Resource(ResourceType t, string name, string kind, IReadOnlyList<string> verbs, bool withAliases)
    {
        var resource = new JsonObject
        {
            ["name"] = name,
            ["singularName"] = withAliases ? t.Singular : "",
            ["namespaced"] = t.Namespaced,
            ["kind"] = kind,
            ["verbs"] = new JsonArray(verbs.Select(v => (JsonNode)v).ToArray()),
        };
        if (name.EndsWith("/scale", StringComparison.Ordinal))
        {
            resource["group"] = "autoscaling";
            resource["version"] = "v1";
        }

        if (withAliases && t.ShortNames.Count > 0)
        {
            resource["shortNames"] = new JsonArray(t.ShortNames.Select(s => (JsonNode)s).ToArray());
        }

        if (withAliases && t.InAllCategory)
        {
            resource["categories"] = new JsonArray("all");
        }

        return resource;
    }
}
