using System.Globalization;
using System.Text.Json.Nodes;
using DemoConsole.Core.Messages;
using k8s;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Rollout history, restart and undo of a Deployment, the way kubectl does them: restart stamps the pod
/// template with <c>kubectl.kubernetes.io/restartedAt</c>; undo copies the previous ReplicaSet's template back.
/// Guard rails are the callers' (the handlers check namespaces and protected workloads).
/// </summary>
public sealed class DeploymentRollouts(IClusterConnection cluster, TimeProvider time)
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string ChangeCauseAnnotation = "kubernetes.io/change-cause";
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

    private static readonly TimeSpan Reconnect = TimeSpan.FromMilliseconds(200);

    /// <summary>The revisions of <paramref name="deployment"/>, oldest first, with the current one marked.</summary>
    public async Task<RolloutHistory> HistoryAsync(string ns, string deployment, CancellationToken cancellationToken)
    {
        var client = cluster.Client;
        var d = await client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: cancellationToken);
        var current = Revision(d.Metadata);
        var revisions = (await OwnedReplicaSetsAsync(client, d, cancellationToken))
            .Select(rs => new RolloutRevision(
                Revision(rs.Metadata),
                rs.Metadata.Annotations?.TryGetValue(ChangeCauseAnnotation, out var cause) == true ? cause : null,
                rs.Metadata.Name,
                rs.Spec.Template?.Spec?.Containers?.Select(c => c.Image).ToList() ?? [],
                rs.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
                rs.Spec.Replicas ?? 0,
                rs.Status?.ReadyReplicas ?? 0,
                Revision(rs.Metadata) == current))
            .OrderBy(r => r.Revision).ToList();
        return new RolloutHistory(ns, deployment, current, revisions);
    }

    /// <summary>Restarts every pod by a rolling update (<c>kubectl rollout restart</c>); returns the revision before.</summary>
    public async Task<long> RestartAsync(string ns, string deployment, CancellationToken cancellationToken)
    {
        var client = cluster.Client;
        var d = await client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: cancellationToken);
        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RestartedAtAnnotation] = now } },
                },
            },
        };
        await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.StrategicMergePatch), deployment, ns,
            cancellationToken: cancellationToken);
        return Revision(d.Metadata);
    }

    /// <summary>
    /// Rolls back to <paramref name="toRevision"/>, or to the revision before the current one (<c>kubectl rollout undo</c>):
    /// the target ReplicaSet's pod template, without its pod-template-hash label, replaces the Deployment's.
    /// Returns the revision before; throws <see cref="InvalidOperationException"/> when there is nothing to go back to.
    /// </summary>
    public async Task<long> UndoAsync(string ns, string deployment, long? toRevision, CancellationToken cancellationToken)
    {
        var client = cluster.Client;
        var d = await client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: cancellationToken);
        var current = Revision(d.Metadata);
        var sets = await OwnedReplicaSetsAsync(client, d, cancellationToken);
        var target = toRevision is { } wanted
            ? sets.FirstOrDefault(rs => Revision(rs.Metadata) == wanted)
                ?? throw new ClusterActionException(new UiMessage("Cluster_NoRevision", deployment, wanted))
            : sets.Where(rs => Revision(rs.Metadata) != current).MaxBy(rs => Revision(rs.Metadata))
                ?? throw new ClusterActionException(new UiMessage("Cluster_NoPreviousRevision", deployment));
        if (Revision(target.Metadata) == current)
        {
            throw new ClusterActionException(new UiMessage("Cluster_AlreadyCurrent", current));
        }

        var template = JsonNode.Parse(KubernetesJson.Serialize(target.Spec.Template))!.AsObject();
        (template["metadata"]?["labels"] as JsonObject)?.Remove("pod-template-hash");
        var patch = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = template });
        await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch), deployment, ns,
            cancellationToken: cancellationToken);
        return current;
    }

    /// <summary>
    /// Follows the Deployment (watch, re-read when the stream drops) until its revision moved past
    /// <paramref name="fromRevision"/> and every desired replica is updated and Ready; reports each change.
    /// </summary>
    public async Task<RolloutProgress> WaitAsync(string ns, string deployment, string change, long? fromRevision, Action<RolloutProgress> report, CancellationToken cancellationToken)
    {
        var client = cluster.Client;
        var started = time.GetUtcNow();
        RolloutProgress Progress(V1Deployment d)
        {
            var desired = d.Spec.Replicas ?? 1;
            var revision = Revision(d.Metadata);
            var s = d.Status;
            var done = revision != fromRevision
                && (s?.ObservedGeneration is null || d.Metadata.Generation is null || s.ObservedGeneration >= d.Metadata.Generation)
                && s?.UpdatedReplicas == desired && s.Replicas == desired && (s.ReadyReplicas ?? 0) == desired;
            return new RolloutProgress
            {
                Namespace = ns,
                Deployment = deployment,
                Change = change,
                FromRevision = fromRevision,
                Revision = revision,
                Desired = desired,
                Updated = s?.UpdatedReplicas ?? 0,
                Ready = s?.ReadyReplicas ?? 0,
                Done = done,
                Seconds = Math.Round((time.GetUtcNow() - started).TotalSeconds, 3),
            };
        }

        while (true)
        {
            var d = await client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: cancellationToken);
            var progress = Progress(d);
            report(progress);
            if (progress.Done)
            {
                return progress;
            }

            try
            {
                await foreach (var (type, next) in client.AppsV1.WatchListNamespacedDeploymentAsync(ns, fieldSelector: $"metadata.name={deployment}",
                                   resourceVersion: d.Metadata.ResourceVersion, cancellationToken: cancellationToken))
                {
                    if (type is not (WatchEventType.Added or WatchEventType.Modified))
                    {
                        continue;
                    }

                    progress = Progress(next);
                    report(progress);
                    if (progress.Done)
                    {
                        return progress;
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Dropped stream or 410 Gone: read again below and watch from there.
            }

            await Task.Delay(Reconnect, time, cancellationToken);
        }
    }

    internal Task<V1Deployment> ReadAsync(string ns, string deployment, CancellationToken cancellationToken) =>
        cluster.Client.AppsV1.ReadNamespacedDeploymentAsync(deployment, ns, cancellationToken: cancellationToken);

    private static async Task<List<V1ReplicaSet>> OwnedReplicaSetsAsync(IKubernetes client, V1Deployment d, CancellationToken cancellationToken)
    {
        var sets = await client.AppsV1.ListNamespacedReplicaSetAsync(d.Metadata.NamespaceProperty,
            labelSelector: LabelSelectors.ToQuery(d.Spec.Selector), cancellationToken: cancellationToken);
        return sets.Items.Where(rs => PodFacts.Controller(rs.Metadata) is { Kind: "Deployment" } owner
            && owner.Name == d.Metadata.Name && (string.IsNullOrEmpty(owner.Uid) || owner.Uid == d.Metadata.Uid)).ToList();
    }

    internal static long Revision(V1ObjectMeta metadata) =>
        metadata.Annotations?.TryGetValue(RevisionAnnotation, out var text) == true
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;
}
