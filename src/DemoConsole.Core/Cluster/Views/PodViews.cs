using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>Maps a V1Pod to a <see cref="PodView"/>, with kubectl's rules for the STATUS column.</summary>
public static class PodViews
{
    public const string SidecarName = "istio-proxy";

    public static PodView From(V1Pod pod)
    {
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var specs = pod.Spec?.Containers ?? [];
        var containers = specs.Select(c =>
        {
            var s = statuses.FirstOrDefault(x => x.Name == c.Name);
            return new ContainerView(c.Name, c.Image, s?.Ready ?? false, s?.RestartCount ?? 0, ContainerState(s), c.Name == SidecarName);
        }).ToList();
        return new PodView(
            pod.Metadata.NamespaceProperty ?? "",
            pod.Metadata.Name,
            statuses.Count(s => s.Ready),
            specs.Count,
            Status(pod),
            statuses.Sum(s => s.RestartCount),
            pod.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
            containers,
            Owner(pod.Metadata),
            pod.Spec?.NodeName,
            pod.Status?.Phase,
            pod.Metadata.DeletionTimestamp is not null,
            pod.Metadata.Labels is { } labels ? new Dictionary<string, string>(labels) : new Dictionary<string, string>())
        {
            SidecarOptOut = pod.Metadata.Annotations?.TryGetValue("sidecar.istio.io/inject", out var inject) == true
                && inject.Equals("false", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The STATUS column as kubectl prints it (printers.go printPod, simplified to what pods of a demo go through).</summary>
    public static string Status(V1Pod pod)
    {
        var reason = string.IsNullOrEmpty(pod.Status?.Reason) ? pod.Status?.Phase ?? "Unknown" : pod.Status.Reason;
        var init = InitStatus(pod);
        if (init is not null)
        {
            reason = init;
        }
        else
        {
            var hasRunning = false;
            foreach (var c in (pod.Status?.ContainerStatuses ?? []).Reverse())
            {
                if (!string.IsNullOrEmpty(c.State?.Waiting?.Reason))
                {
                    reason = c.State.Waiting.Reason;
                }
                else if (!string.IsNullOrEmpty(c.State?.Terminated?.Reason))
                {
                    reason = c.State.Terminated.Reason;
                }
                else if (c.State?.Terminated is { } t)
                {
                    reason = t.Signal is > 0 ? $"Signal:{t.Signal}" : $"ExitCode:{t.ExitCode}";
                }
                else if (c.Ready && c.State?.Running is not null)
                {
                    hasRunning = true;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                reason = "Running";
            }
        }

        if (pod.Metadata.DeletionTimestamp is not null)
        {
            reason = pod.Status?.Reason == "NodeLost" ? "Unknown" : "Terminating";
        }

        return reason;
    }

    private static string? InitStatus(V1Pod pod)
    {
        var inits = pod.Status?.InitContainerStatuses ?? [];
        var total = pod.Spec?.InitContainers?.Count ?? 0;
        for (var i = 0; i < inits.Count; i++)
        {
            var c = inits[i];
            if (c.State?.Terminated is { ExitCode: 0 })
            {
                continue;
            }

            if (c.State?.Terminated is { } t)
            {
                return string.IsNullOrEmpty(t.Reason) ? $"Init:ExitCode:{t.ExitCode}" : $"Init:{t.Reason}";
            }

            return c.State?.Waiting is { Reason: { Length: > 0 } r } && r != "PodInitializing" ? $"Init:{r}" : $"Init:{i}/{total}";
        }

        return null;
    }

    private static string ContainerState(V1ContainerStatus? s) => s?.State switch
    {
        null => "Waiting",
        { Running: not null } => "Running",
        { Waiting: { } w } => string.IsNullOrEmpty(w.Reason) ? "Waiting" : $"Waiting: {w.Reason}",
        { Terminated: { } t } => string.IsNullOrEmpty(t.Reason) ? $"Terminated: exit {t.ExitCode}" : $"Terminated: {t.Reason}",
        _ => "Waiting",
    };

    /// <summary>A ReplicaSet named "deploy-&lt;pod-template-hash&gt;" stands for its Deployment, which is what the presenter thinks in.</summary>
    private static WorkloadRef? Owner(V1ObjectMeta meta)
    {
        var owner = meta.OwnerReferences?.FirstOrDefault(o => o.Controller == true) ?? meta.OwnerReferences?.FirstOrDefault();
        if (owner is null)
        {
            return null;
        }

        if (owner.Kind == "ReplicaSet" && meta.Labels?.TryGetValue("pod-template-hash", out var hash) == true
            && owner.Name.EndsWith("-" + hash, StringComparison.Ordinal))
        {
            return new WorkloadRef("Deployment", owner.Name[..^(hash.Length + 1)]);
        }

        return new WorkloadRef(owner.Kind, owner.Name);
    }
}
