using System.Text.Json.Nodes;
using static DemoConsole.Sandbox.Api.Tables.Cells;

namespace DemoConsole.Sandbox.Api.Tables;

/// <summary>NAME STATUS ROLES AGE VERSION (+ INTERNAL-IP … CONTAINER-RUNTIME with -o wide), as printNode prints them.</summary>
internal static class NodeColumns
{
    private const string RolePrefix = "node-role.kubernetes.io/";

    public static readonly IReadOnlyList<TableColumn> All =
    [
        Name(),
        new("Status", "string", (o, _) => StatusText(o)),
        new("Roles", "string", (o, _) => Join(((o["metadata"]?["labels"] as JsonObject) ?? []).Select(kv => kv.Key)
            .Where(k => k.StartsWith(RolePrefix, StringComparison.Ordinal)).Select(k => k[RolePrefix.Length..]).Order(StringComparer.Ordinal))),
        Age(),
        new("Version", "string", (o, _) => Text(o["status"]?["nodeInfo"]?["kubeletVersion"])),
        new("Internal-IP", "string", (o, _) => Address(o, "InternalIP"), 1),
        new("External-IP", "string", (o, _) => Address(o, "ExternalIP"), 1),
        new("OS-Image", "string", (o, _) => Text(o["status"]?["nodeInfo"]?["osImage"]), 1),
        new("Kernel-Version", "string", (o, _) => Text(o["status"]?["nodeInfo"]?["kernelVersion"]), 1),
        new("Container-Runtime", "string", (o, _) => Text(o["status"]?["nodeInfo"]?["containerRuntimeVersion"]), 1),
    ];

    private static string StatusText(JsonObject node)
    {
        var ready = Objects(node["status"]?["conditions"]).FirstOrDefault(c => Text(c["type"]) == "Ready");
        var status = ready is null ? "Unknown" : Text(ready["status"]) == "True" ? "Ready" : "NotReady";
        return (bool?)node["spec"]?["unschedulable"] == true ? status + ",SchedulingDisabled" : status;
    }

    private static string Address(JsonObject node, string type) =>
        Objects(node["status"]?["addresses"]).FirstOrDefault(a => Text(a["type"]) == type) is { } a ? Text(a["address"]) : "<none>";
}
