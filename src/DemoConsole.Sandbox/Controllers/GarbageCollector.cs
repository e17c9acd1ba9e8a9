using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>Background cascading deletion: replicasets, pods and endpoint slices whose controlling owner is gone are deleted.</summary>
internal sealed class GarbageCollector(Cluster cluster)
{
    public void Collect()
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { ResourceTypes.Deployments, ResourceTypes.ReplicaSets, ResourceTypes.StatefulSets, ResourceTypes.Services })
        {
            owners.UnionWith(cluster.Store.List(type, null).Items.Select(o => o.Uid));
        }

        foreach (var rs in cluster.Store.List(ResourceTypes.ReplicaSets, null).Items)
        {
            if (Owners.ControllerUid(rs.Node) is string uid && !owners.Contains(uid))
            {
                cluster.Store.Delete(ResourceTypes.ReplicaSets, rs.Namespace, rs.Name);
                owners.Remove(rs.Uid);
            }
        }

        foreach (var slice in cluster.Store.List(ResourceTypes.EndpointSlices, null).Items)
        {
            if (Owners.ControllerUid(slice.Node) is string uid && !owners.Contains(uid))
            {
                cluster.Store.Delete(ResourceTypes.EndpointSlices, slice.Namespace, slice.Name);
            }
        }

        foreach (var pod in cluster.Store.List(ResourceTypes.Pods, null).Items)
        {
            if (!pod.IsTerminating && Owners.ControllerUid(pod.Node) is string uid && !owners.Contains(uid))
            {
                cluster.Pods.Delete(pod.Namespace, pod.Name, null, dryRun: false);
            }
        }
    }
}
