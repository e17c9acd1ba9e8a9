using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers.Faults;

/// <summary>What the kubelet does to one container's status, on the same live pod only (same uid, not terminating).</summary>
internal static class ContainerUpdates
{
    public static StoredObject? Live(Cluster cluster, StoredObject pod) =>
        cluster.Store.Get(ResourceTypes.Pods, pod.Namespace, pod.Name) is { } p && p.Uid == pod.Uid && !p.IsTerminating ? p : null;

    /// <summary>Changes one container's status entry and recomputes the pod's Ready conditions from its containers.</summary>
    public static StoredObject? Apply(Cluster cluster, StoredObject pod, string container, Action<JsonObject, JsonObject> change)
    {
        try
        {
            return cluster.Store.Update(ResourceTypes.Pods, pod.Namespace, pod.Name, p =>
            {
                if ((string?)p["metadata"]?["uid"] != pod.Uid || p["metadata"]?["deletionTimestamp"] is not null
                    || PodStatus.ContainerStatus(p, container) is not { } status)
                {
                    return false;
                }

                change(p, status);
                PodStatus.SyncReadyConditions(p, Rfc3339.Format(cluster.Now));
                return true;
            });
        }
        catch (ApiException)
        {
            return null;
        }
    }

    /// <summary>How the kubelet names a pod in its messages: name_namespace(uid).</summary>
    public static string PodRef(JsonNode pod) =>
        $"{Cells.Text(pod["metadata"]?["name"])}_{Cells.Text(pod["metadata"]?["namespace"])}({Cells.Text(pod["metadata"]?["uid"])})";

    /// <summary>The workload's own container: the first one (the sidecar is injected after it).</summary>
    public static string AppContainer(JsonNode pod) => PodStatus.Containers(pod).Select(c => Cells.Text(c["name"])).FirstOrDefault() ?? "";
}
