using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// StatefulSet pods have stable names (name-0, name-1...): a deleted pod comes back under the same name once the
/// old one is fully gone, and pods start in order (OrderedReady).
/// </summary>
internal sealed class StatefulSetController(Cluster cluster)
{
    private const string Component = "statefulset-controller";

    public void Reconcile(StoredObject sts)
    {
        var desired = sts.Node["spec"]?["replicas"] is null ? 1 : Cells.Int(sts.Node["spec"]?["replicas"]);
        var parallel = Cells.Text(sts.Node["spec"]?["podManagementPolicy"]) == "Parallel";
        var revision = $"{sts.Name}-{TemplateHash.Compute(sts.Node["spec"]?["template"])}";
        for (var ordinal = 0; ordinal < desired; ordinal++)
        {
            var name = $"{sts.Name}-{ordinal}";
            var existing = cluster.Store.Get(ResourceTypes.Pods, sts.Namespace, name);
            if (existing is null)
            {
                var labels = new Dictionary<string, string>
                {
                    ["statefulset.kubernetes.io/pod-name"] = name,
                    ["apps.kubernetes.io/pod-index"] = ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["controller-revision-hash"] = revision,
                };
                var template = PodFactory.FromTemplate(cluster, sts, name, labels);
                template["spec"]!["hostname"] = name;
                template["spec"]!["subdomain"] = Cells.Text(sts.Node["spec"]?["serviceName"]);
                var pod = cluster.Store.Create(ResourceTypes.Pods, template);
                cluster.Events.Normal(sts, "SuccessfulCreate", $"create Pod {name} in StatefulSet {sts.Name} successful", Component);
                cluster.Pods.Launch(pod);
                existing = pod;
            }

            if (!parallel && !PodStatus.IsReady(existing.Node) && !cluster.Pods.Instant)
            {
                break; // OrderedReady: the next ordinal waits for this one
            }
        }

        var pods = Owners.Owned(cluster, ResourceTypes.Pods, sts);
        foreach (var pod in pods.Where(p => Ordinal(sts, p) >= desired && !p.IsTerminating).OrderByDescending(p => Ordinal(sts, p)))
        {
            cluster.Pods.Delete(pod.Namespace, pod.Name, null, dryRun: false);
            cluster.Events.Normal(sts, "SuccessfulDelete", $"delete Pod {pod.Name} in StatefulSet {sts.Name} successful", Component);
        }

        var active = Owners.Owned(cluster, ResourceTypes.Pods, sts).Where(p => !p.IsTerminating).ToList();
        var ready = active.Count(p => PodStatus.IsReady(p.Node));
        cluster.Store.Update(ResourceTypes.StatefulSets, sts.Namespace, sts.Name, o =>
        {
            o["status"] = new JsonObject
            {
                ["observedGeneration"] = o["metadata"]?["generation"]?.DeepClone(),
                ["replicas"] = active.Count,
                ["readyReplicas"] = ready,
                ["currentReplicas"] = active.Count,
                ["updatedReplicas"] = active.Count,
                ["availableReplicas"] = ready,
                ["currentRevision"] = revision,
                ["updateRevision"] = revision,
                ["collisionCount"] = 0,
            };
            return true;
        });
    }

    private static long Ordinal(StoredObject sts, StoredObject pod) =>
        long.TryParse(pod.Name.AsSpan(sts.Name.Length + 1), out var n) ? n : -1;
}
