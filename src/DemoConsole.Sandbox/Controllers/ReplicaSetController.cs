using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>Keeps spec.replicas pods alive for each ReplicaSet: replaces deleted pods, removes surplus ones.</summary>
internal sealed class ReplicaSetController(Cluster cluster)
{
    private const string Component = "replicaset-controller";

    public void Reconcile(StoredObject rs)
    {
        var pods = Owners.Owned(cluster, ResourceTypes.Pods, rs);
        var active = pods.Where(p => !p.IsTerminating).ToList();
        var desired = rs.Node["spec"]?["replicas"] is null ? 1 : Cells.Int(rs.Node["spec"]?["replicas"]);
        for (var i = active.Count; i < desired; i++)
        {
            var pod = cluster.Store.Create(ResourceTypes.Pods, PodFactory.FromTemplate(cluster, rs, $"{rs.Name}-{NameSuffix.Next(5)}"));
            active.Add(pod);
            cluster.Events.Normal(rs, "SuccessfulCreate", $"Created pod: {pod.Name}", Component);
            cluster.Pods.Launch(pod);
        }

        // Surplus: unready pods first, then the youngest, as the real controller ranks them.
        foreach (var pod in active.OrderBy(p => PodStatus.IsReady(p.Node)).ThenByDescending(p => p.ResourceVersion)
                     .Take(Math.Max(0, active.Count - (int)desired)).ToList())
        {
            cluster.Pods.Delete(pod.Namespace, pod.Name, null, dryRun: false);
            cluster.Events.Normal(rs, "SuccessfulDelete", $"Deleted pod: {pod.Name}", Component);
            active.Remove(pod);
        }

        var current = active.Select(p => cluster.Store.Get(ResourceTypes.Pods, p.Namespace, p.Name)).OfType<StoredObject>().ToList();
        var ready = current.Count(p => PodStatus.IsReady(p.Node));
        cluster.Store.Update(ResourceTypes.ReplicaSets, rs.Namespace, rs.Name, o =>
        {
            o["status"] = new JsonObject
            {
                ["replicas"] = current.Count,
                ["fullyLabeledReplicas"] = current.Count,
                ["readyReplicas"] = ready,
                ["availableReplicas"] = ready,
                ["observedGeneration"] = o["metadata"]?["generation"]?.DeepClone(),
            };
            return true;
        });
    }
}
