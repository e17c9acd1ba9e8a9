using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>Builds the pod status a kubelet reports at each stage of a pod's life.</summary>
internal static class PodStatus
{
    public static readonly string[] Nodes = ["solid-cloud-worker-1", "solid-cloud-worker-2", "solid-cloud-worker-3"];

    public static string HostIp(string node) => "10.0.11." + (168 + Array.IndexOf(Nodes, node));

    public static JsonObject Pending() => new() { ["phase"] = "Pending", ["qosClass"] = "Burstable" };

    public static void Scheduled(JsonObject pod, string node, string now)
    {
        pod["spec"]!["nodeName"] = node;
        var status = pod["status"]!.AsObject();
        status["conditions"] = new JsonArray(Condition("PodScheduled", true, now));
    }

    public static void Creating(JsonObject pod, string now)
    {
        var status = pod["status"]!.AsObject();
        var node = (string?)pod["spec"]?["nodeName"] ?? Nodes[0];
        status["hostIP"] = HostIp(node);
        status["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = HostIp(node) });
        status["startTime"] = now;
        status["conditions"] = new JsonArray(
            Condition("PodReadyToStartContainers", false, now), Condition("Initialized", true, now),
            Condition("Ready", false, now, "ContainersNotReady"), Condition("ContainersReady", false, now, "ContainersNotReady"),
            Condition("PodScheduled", true, now));
        status["containerStatuses"] = new JsonArray(Containers(pod).Select(c => (JsonNode)new JsonObject
        {
            ["name"] = Cells.Text(c["name"]),
            ["image"] = Cells.Text(c["image"]),
            ["imageID"] = "",
            ["ready"] = false,
            ["started"] = false,
            ["restartCount"] = 0,
            ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
            ["lastState"] = new JsonObject(),
        }).ToArray());
    }

    public static void Running(JsonObject pod, string now, bool ready, string podIp)
    {
        var status = pod["status"]!.AsObject();
        status["phase"] = "Running";
        status["podIP"] = podIp;
        status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = status["podIP"]!.DeepClone() });
        var started = Cells.Text(status["startTime"]) is { Length: > 0 } s ? s : now;
        status["startTime"] = started;
        status["conditions"] = new JsonArray(
            Condition("PodReadyToStartContainers", true, now), Condition("Initialized", true, now),
            Condition("Ready", ready, now, ready ? null : "ContainersNotReady"),
            Condition("ContainersReady", ready, now, ready ? null : "ContainersNotReady"),
            Condition("PodScheduled", true, now));
        status["containerStatuses"] = new JsonArray(Containers(pod).Select(c => (JsonNode)new JsonObject
        {
            ["name"] = Cells.Text(c["name"]),
            ["image"] = Cells.Text(c["image"]),
            ["imageID"] = Cells.Text(c["image"]) + "@sha256:" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "00000000000000000000000000000000",
            ["containerID"] = NewContainerId(),
            ["ready"] = ready,
            ["started"] = true,
            ["restartCount"] = 0,
            ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } },
            ["lastState"] = new JsonObject(),
        }).ToArray());
    }

    /// <summary>Readiness flips in place so container ids and start times stay those of the running containers.</summary>
    public static void SetReady(JsonObject pod, bool ready, string now)
    {
        SetReadyConditions(pod, ready, now);

        foreach (var s in Cells.Objects(pod["status"]?["containerStatuses"]))
        {
            s["ready"] = ready;
        }
    }

    /// <summary>One container's status entry (null when the pod has no status for it yet).</summary>
    public static JsonObject? ContainerStatus(JsonObject pod, string container) =>
        Cells.Objects(pod["status"]?["containerStatuses"]).FirstOrDefault(s => Cells.Text(s["name"]) == container);

    /// <summary>
    /// Pod conditions follow the containers, as the kubelet computes them: Ready and ContainersReady are true only
    /// when every container is ready (one crashing app container makes a 1/2 pod not Ready).
    /// </summary>
    public static void SyncReadyConditions(JsonObject pod, string now)
    {
        var ready = Cells.Objects(pod["status"]?["containerStatuses"]).All(s => (bool?)s["ready"] == true);
        SetReadyConditions(pod, ready, now);
    }

    /// <summary>Ready and ContainersReady to <paramref name="ready"/>, with the transition time and the kubelet's reason.</summary>
    private static void SetReadyConditions(JsonObject pod, bool ready, string now)
    {
        foreach (var c in Cells.Objects(pod["status"]?["conditions"]))
        {
            if (Cells.Text(c["type"]) is "Ready" or "ContainersReady" && (Cells.Text(c["status"]) == "True") != ready)
            {
                c["status"] = ready ? "True" : "False";
                c["lastTransitionTime"] = now;
                if (ready)
                {
                    c.Remove("reason");
                }
                else
                {
                    c["reason"] = "ContainersNotReady";
                }
            }
        }
    }

    public static string NewContainerId() =>
        "containerd://" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    public static bool IsReady(JsonNode pod) =>
        pod["metadata"]?["deletionTimestamp"] is null
        && Cells.Objects(pod["status"]?["conditions"]).Any(c => Cells.Text(c["type"]) == "Ready" && Cells.Text(c["status"]) == "True");

    public static bool IsReadyStored(Store.StoredObject pod) => IsReady(pod.Node);

    public static IEnumerable<JsonObject> Containers(JsonNode pod) => Cells.Objects(pod["spec"]?["containers"]);

    private static JsonObject Condition(string type, bool status, string now, string? reason = null)
    {
        var c = new JsonObject
        {
            ["type"] = type,
            ["status"] = status ? "True" : "False",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = now,
        };
        if (reason is not null)
        {
            c["reason"] = reason;
        }

        return c;
    }
}
