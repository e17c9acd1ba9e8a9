using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;
using static DemoConsole.Sandbox.Api.Tables.Cells;

namespace DemoConsole.Sandbox.Api.Tables;

/// <summary>The columns a cluster prints for each resource (kubernetes/pkg/printers/internalversion and the CRDs' additionalPrinterColumns).</summary>
internal static class ColumnSets
{
    public static IReadOnlyList<TableColumn> For(ResourceType type) => type.Plural switch
    {
        "pods" => PodColumns.All,
        "nodes" => NodeColumns.All,
        "namespaces" => [Name(), new("Status", "string", (o, _) => Text(o["status"]?["phase"])), Age()],
        "deployments" =>
        [
            Name(),
            new("Ready", "string", (o, _) => $"{Int(o["status"]?["readyReplicas"])}/{Int(o["spec"]?["replicas"])}"),
            new("Up-to-date", "integer", (o, _) => Int(o["status"]?["updatedReplicas"])),
            new("Available", "integer", (o, _) => Int(o["status"]?["availableReplicas"])),
            Age(),
            new("Containers", "string", (o, _) => ContainerNames(o), 1),
            new("Images", "string", (o, _) => Images(o), 1),
            new("Selector", "string", (o, _) => SelectorText(o["spec"]?["selector"]), 1),
        ],
        "replicasets" =>
        [
            Name(),
            new("Desired", "integer", (o, _) => Int(o["spec"]?["replicas"])),
            new("Current", "integer", (o, _) => Int(o["status"]?["replicas"])),
            new("Ready", "integer", (o, _) => Int(o["status"]?["readyReplicas"])),
            Age(),
            new("Containers", "string", (o, _) => ContainerNames(o), 1),
            new("Images", "string", (o, _) => Images(o), 1),
            new("Selector", "string", (o, _) => SelectorText(o["spec"]?["selector"]), 1),
        ],
        "statefulsets" =>
        [
            Name(),
            new("Ready", "string", (o, _) => $"{Int(o["status"]?["readyReplicas"])}/{Int(o["spec"]?["replicas"])}"),
            Age(),
            new("Containers", "string", (o, _) => ContainerNames(o), 1),
            new("Images", "string", (o, _) => Images(o), 1),
        ],
        "services" =>
        [
            Name(),
            new("Type", "string", (o, _) => Text(o["spec"]?["type"]) is { Length: > 0 } t ? t : "ClusterIP"),
            new("Cluster-IP", "string", (o, _) => Text(o["spec"]?["clusterIP"])),
            new("External-IP", "string", (o, _) => "<none>"),
            new("Port(s)", "string", (o, _) => Ports(o)),
            Age(),
            new("Selector", "string", (o, _) => Join(((o["spec"]?["selector"] as JsonObject) ?? []).Select(kv => $"{kv.Key}={(string?)kv.Value}")), 1),
        ],
        "events" =>
        [
            new("Last Seen", "string", (o, now) => Age(o["lastTimestamp"] ?? o["metadata"]?["creationTimestamp"], now)),
            new("Type", "string", (o, _) => Text(o["type"])),
            new("Reason", "string", (o, _) => Text(o["reason"])),
            new("Object", "string", (o, _) => $"{Text(o["involvedObject"]?["kind"]).ToLowerInvariant()}/{Text(o["involvedObject"]?["name"])}"),
            new("Message", "string", (o, _) => Text(o["message"])),
        ],
        "horizontalpodautoscalers" =>
        [
            Name(),
            new("Reference", "string", (o, _) => $"{Text(o["spec"]?["scaleTargetRef"]?["kind"])}/{Text(o["spec"]?["scaleTargetRef"]?["name"])}"),
            new("Targets", "string", (o, _) => HpaTargets(o)),
            new("MinPods", "string", (o, _) => Cells.Number(o["spec"]?["minReplicas"] is null ? 1 : Int(o["spec"]?["minReplicas"]))),
            new("MaxPods", "string", (o, _) => Cells.Number(Int(o["spec"]?["maxReplicas"]))),
            new("Replicas", "string", (o, _) => Cells.Number(Int(o["status"]?["currentReplicas"]))),
            Age(),
        ],
        "networkpolicies" =>
        [
            Name(),
            new("Pod-Selector", "string", (o, _) => SelectorText(o["spec"]?["podSelector"])),
            Age(),
        ],
        "applications" =>
        [
            Name(),
            new("Sync Status", "string", (o, _) => Text(o["status"]?["sync"]?["status"])),
            new("Health Status", "string", (o, _) => Text(o["status"]?["health"]?["status"])),
            new("Revision", "string", (o, _) => Text(o["status"]?["sync"]?["revision"]), 10),
            new("Project", "string", (o, _) => Text(o["spec"]?["project"]), 10),
        ],
        "endpointslices" =>
        [
            Name(),
            new("AddressType", "string", (o, _) => Text(o["addressType"])),
            new("Ports", "string", (o, _) => Join(Objects(o["ports"]).Select(p => Cells.Number(Int(p["port"]))), "<unset>")),
            new("Endpoints", "string", (o, _) => Join(Objects(o["endpoints"]).SelectMany(e => (e["addresses"] as JsonArray ?? []).Select(a => Text(a))))),
            Age(),
        ],
        "secrets" =>
        [
            Name(),
            new("Type", "string", (o, _) => Text(o["type"])),
            new("Data", "integer", (o, _) => ((o["data"] as JsonObject)?.Count ?? 0)),
            Age(),
        ],
        "configmaps" => [Name(), new("Data", "integer", (o, _) => ((o["data"] as JsonObject)?.Count ?? 0) + ((o["binaryData"] as JsonObject)?.Count ?? 0)), Age()],
        "serviceaccounts" => [Name(), new("Secrets", "integer", (o, _) => (o["secrets"] as JsonArray)?.Count ?? 0), Age()],
        // A lease released by its holder has an empty holder: the column stays empty, as kubectl prints it.
        "leases" => [Name(), new("Holder", "string", (o, _) => Text(o["spec"]?["holderIdentity"])), Age()],
        "peerauthentications" =>
        [
            Name(),
            new("Mode", "string", (o, _) => Text(o["spec"]?["mtls"]?["mode"])),
            Age(),
        ],
        _ => [Name(), Age()],
    };

    private static string ContainerNames(JsonObject o) =>
        Join(Objects(o["spec"]?["template"]?["spec"]?["containers"]).Select(c => Text(c["name"])));

    private static string Images(JsonObject o) =>
        Join(Objects(o["spec"]?["template"]?["spec"]?["containers"]).Select(c => Text(c["image"])));

    private static string Ports(JsonObject o)
    {
        var ports = Objects(o["spec"]?["ports"]).Select(p =>
            p["nodePort"] is null
                ? $"{Int(p["port"])}/{Text(p["protocol"]) switch { "" => "TCP", var x => x }}"
                : $"{Int(p["port"])}:{Int(p["nodePort"])}/{Text(p["protocol"]) switch { "" => "TCP", var x => x }}");
        return Join(ports);
    }

    private static string HpaTargets(JsonObject o)
    {
        var current = Objects(o["status"]?["currentMetrics"]).ToList();
        var parts = Objects(o["spec"]?["metrics"]).Select(m =>
        {
            var name = Text(m["resource"]?["name"]);
            var target = Int(m["resource"]?["target"]?["averageUtilization"]);
            var now = current.FirstOrDefault(c => Text(c["resource"]?["name"]) == name)?["resource"]?["current"]?["averageUtilization"];
            return $"{name}: {(now is null ? "<unknown>" : Int(now) + "%")}/{target}%";
        });
        return Join(parts);
    }
}
