using System.Net;
using DemoConsole.Core.Messages;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Finds the pod a kill would delete, reading the live cluster, and applies the guard rails that need it:
/// allow-listed namespace, protected workloads, never the last Ready replica, the minimum interval.
/// </summary>
internal sealed class PodKillPlanner(IClusterConnection cluster, ClusterGuardRails rails, KillLedger ledger)
{
    private sealed record Workload(string Kind, string Name, V1LabelSelector? Selector, IEnumerable<KeyValuePair<string, string>> Labels);

    public async Task<PodKillPlan> PlanAsync(PodKillTarget target, string? preferredPod, CancellationToken cancellationToken)
    {
        var ns = target.Namespace;
        if ((rails.CheckNamespace(ns) ?? ledger.Check()) is { } early)
        {
            return PodKillPlan.Refused(ns, early);
        }

        if (target.Deployment is { } named && rails.CheckWorkload("Deployment", named) is { } byName)
        {
            return PodKillPlan.Refused(ns, byName);
        }

        var client = cluster.Client;
        V1Pod? namedPod = null;
        Workload? workload;
        UiMessage? problem;
        if (target.Pod is { } podName)
        {
            namedPod = await ReadOrNullAsync(() => client.CoreV1.ReadNamespacedPodAsync(podName, ns, cancellationToken: cancellationToken));
            if (namedPod is null)
            {
                return PodKillPlan.Refused(ns, new UiMessage("Cluster_NoPod", podName, ns));
            }

            (workload, problem) = await OwnerOfAsync(client, namedPod, cancellationToken);
        }
        else
        {
            (workload, problem) = await WorkloadAsync(client, ns, target.Deployment!, cancellationToken);
        }

        if (workload is null)
        {
            return PodKillPlan.Refused(ns, problem ?? new UiMessage("Cluster_NoWorkload"));
        }

        var labels = workload.Labels.Concat(namedPod?.Metadata.Labels ?? new Dictionary<string, string>());
        if (rails.CheckWorkload(workload.Kind, workload.Name, labels) is { } isProtected)
        {
            return PodKillPlan.Refused(ns, isProtected) with { WorkloadKind = workload.Kind, WorkloadName = workload.Name };
        }

        var selector = LabelSelectors.ToQuery(workload.Selector, target.Selector);
        var pods = (await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: cancellationToken)).Items
            .Where(p => !PodFacts.IsTerminating(p)).ToList();
        var ready = pods.Where(PodFacts.IsReady).ToList();
        var victim = Choose(target, preferredPod ?? target.Pod, pods, ready);
        var plan = new PodKillPlan
        {
            Namespace = ns,
            WorkloadKind = workload.Kind,
            WorkloadName = workload.Name,
            Selector = selector,
            ReadyReplicas = ready.Count,
            Replicas = pods.Count,
        };
        if (victim is null)
        {
            return plan with
            {
                Refusal = target.Pod is null
                    ? new UiMessage("Cluster_NoReadyPod", workload.Kind, workload.Name)
                    : new UiMessage("Cluster_PodTerminating", target.Pod),
            };
        }

        plan = plan with { Pod = victim.Metadata.Name, PodUid = victim.Metadata.Uid, Node = victim.Spec?.NodeName, PodReady = PodFacts.IsReady(victim) };
        var readyAfter = ready.Count - (PodFacts.IsReady(victim) ? 1 : 0);
        return readyAfter >= 1
            ? plan
            : plan with
            {
                Refusal = new UiMessage("Cluster_LastReadyReplica", victim.Metadata.Name, workload.Kind, workload.Name, ready.Count, pods.Count),
            };
    }

    private static V1Pod? Choose(PodKillTarget target, string? preferred, List<V1Pod> pods, List<V1Pod> ready)
    {
        if (preferred is not null)
        {
            var exact = pods.FirstOrDefault(p => p.Metadata.Name == preferred);
            if (exact is not null || target.Pod is not null)
            {
                return exact;
            }
        }

        if (ready.Count == 0)
        {
            return null;
        }

        return target.Pick switch
        {
            PodPick.Oldest => ready.OrderBy(p => p.Metadata.CreationTimestamp).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal).First(),
            PodPick.Newest => ready.OrderByDescending(p => p.Metadata.CreationTimestamp).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal).First(),
            _ => ready[Random.Shared.Next(ready.Count)],
        };
    }

    private static async Task<(Workload?, UiMessage?)> WorkloadAsync(IKubernetes client, string ns, string name, CancellationToken cancellationToken)
    {
        var deployment = await ReadOrNullAsync(() => client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken));
        if (deployment is not null)
        {
            return (new Workload("Deployment", name, deployment.Spec.Selector, Labels(deployment.Metadata, deployment.Spec.Template.Metadata)), null);
        }

        // A StatefulSet named as the target is found so that it is refused as protected, not as missing.
        var set = await ReadOrNullAsync(() => client.AppsV1.ReadNamespacedStatefulSetAsync(name, ns, cancellationToken: cancellationToken));
        return set is not null
            ? (new Workload("StatefulSet", name, set.Spec.Selector, Labels(set.Metadata, set.Spec.Template.Metadata)), null)
            : (null, new UiMessage("Cluster_NoDeployment", name, ns));
    }

    private static async Task<(Workload?, UiMessage?)> OwnerOfAsync(IKubernetes client, V1Pod pod, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var owner = PodFacts.Controller(pod.Metadata);
        switch (owner?.Kind)
        {
            case null:
                return (null, new UiMessage("Cluster_PodNoController", pod.Metadata.Name));
            case "StatefulSet":
                return await WorkloadAsync(client, ns, owner.Name, cancellationToken) is ({ } set, _) && set.Kind == "StatefulSet"
                    ? (set, null)
                    : (null, new UiMessage("Cluster_PodStatefulSetMissing", pod.Metadata.Name));
            case "ReplicaSet":
                var rs = await ReadOrNullAsync(() => client.AppsV1.ReadNamespacedReplicaSetAsync(owner.Name, ns, cancellationToken: cancellationToken));
                var deployment = rs is null ? null : PodFacts.Controller(rs.Metadata);
                return deployment?.Kind == "Deployment"
                    ? await WorkloadAsync(client, ns, deployment.Name, cancellationToken)
                    : (null, new UiMessage("Cluster_PodNoDeployment", pod.Metadata.Name));
            default:
                return (null, new UiMessage("Cluster_PodOtherOwner", pod.Metadata.Name, owner.Kind));
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Labels(V1ObjectMeta workload, V1ObjectMeta? template) =>
        (workload.Labels ?? new Dictionary<string, string>()).Concat(template?.Labels ?? new Dictionary<string, string>());

    internal static async Task<T?> ReadOrNullAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
