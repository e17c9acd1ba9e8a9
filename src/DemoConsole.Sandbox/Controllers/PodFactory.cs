using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>Turns a workload's pod template into a new Pending pod owned by the workload.</summary>
internal static class PodFactory
{
    public static JsonObject FromTemplate(Cluster cluster, StoredObject owner, string name, IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        var template = owner.Node["spec"]?["template"]?.DeepClone() as JsonObject ?? [];
        var metadata = template["metadata"] as JsonObject ?? [];
        metadata.Remove("creationTimestamp");
        if (cluster.Pods.Instant)
        {
            metadata["creationTimestamp"] = Rfc3339.Format(cluster.Pods.InstantCreationTime);
        }

        metadata["name"] = name;
        metadata["namespace"] = owner.Namespace;
        metadata["ownerReferences"] = Owners.ReferenceTo(owner);
        if (extraLabels is not null)
        {
            var labels = metadata["labels"] as JsonObject ?? [];
            foreach (var (key, value) in extraLabels)
            {
                labels[key] = value;
            }

            metadata["labels"] = labels;
        }

        var spec = template["spec"] as JsonObject ?? [];
        spec["restartPolicy"] ??= "Always";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["schedulerName"] ??= "default-scheduler";
        spec["serviceAccountName"] ??= "default";
        foreach (var c in PodStatus.Containers(template))
        {
            c["imagePullPolicy"] ??= "IfNotPresent";
            c["terminationMessagePath"] ??= "/dev/termination-log";
            c["terminationMessagePolicy"] ??= "File";
            c["resources"] ??= new JsonObject();
        }

        template.Remove("metadata");
        template.Remove("spec");
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = spec,
            ["status"] = PodStatus.Pending(),
        };
    }
}
