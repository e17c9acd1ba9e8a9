using System.Globalization;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>
/// Deployment → ReplicaSets: one ReplicaSet per distinct pod template (named by its hash), rolling from old to new
/// within maxSurge/maxUnavailable, with deployment.kubernetes.io/revision annotations so rollout history and undo
/// work as on a cluster (undo = the old template comes back, its ReplicaSet gets the next revision).
/// </summary>
internal sealed class DeploymentController(Cluster cluster)
{
    private const string Component = "deployment-controller";
    private const string RevisionKey = "deployment.kubernetes.io/revision";

    public void Reconcile(StoredObject d)
    {
        var spec = d.Node["spec"]!;
        var desired = (int)(spec["replicas"] is null ? 1 : Cells.Int(spec["replicas"]));
        var hash = TemplateHash.Compute(spec["template"]);
        var owned = Owners.Owned(cluster, ResourceTypes.ReplicaSets, d);
        var maxRevision = owned.Count == 0 ? 0 : owned.Max(Owners.Revision);
        // Matched by template, not by label, so a rollback finds the ReplicaSet of the template it restores.
        var newRs = owned.FirstOrDefault(rs => TemplateHash.Compute(rs.Node["spec"]?["template"]) == hash);
        var old = owned.Where(rs => rs != newRs).ToList();
        var oldActive = old.Where(rs => Replicas(rs) > 0).ToList();

        if (newRs is null)
        {
            newRs = CreateReplicaSet(d, hash, maxRevision + 1, oldActive.Count == 0 ? desired : 0);
        }
        else if (Owners.Revision(newRs) < maxRevision)
        {
            newRs = SetRevision(newRs, maxRevision + 1);
        }

        if (Cells.Text(spec["strategy"]?["type"]) == "Recreate")
        {
            oldActive.ForEach(rs => Scale(d, rs, 0));
            var oldPods = old.Sum(rs => Owners.Owned(cluster, ResourceTypes.Pods, rs).Count);
            if (oldPods == 0)
            {
                Scale(d, newRs, desired);
            }
        }
        else
        {
            Roll(d, desired, newRs, oldActive);
        }

        PruneHistory(d, old);
        var maxUnavailable = Resolve(spec["strategy"]?["rollingUpdate"]?["maxUnavailable"], desired, roundUp: false, fallback: "25%");
        UpdateStatus(d, desired, desired - maxUnavailable, newRs, Owners.Revision(newRs));
    }

    private void Roll(StoredObject d, int desired, StoredObject newRs, List<StoredObject> oldActive)
    {
        if (oldActive.Count == 0)
        {
            Scale(d, newRs, desired);
            return;
        }

        var strategy = d.Node["spec"]?["strategy"]?["rollingUpdate"];
        var maxSurge = Resolve(strategy?["maxSurge"], desired, roundUp: true, fallback: "25%");
        var maxUnavailable = Resolve(strategy?["maxUnavailable"], desired, roundUp: false, fallback: "25%");
        if (maxSurge == 0 && maxUnavailable == 0)
        {
            maxUnavailable = 1;
        }

        var all = oldActive.Append(newRs).ToList();
        var total = all.Sum(Replicas);
        var newReplicas = Replicas(newRs);
        if (newReplicas < desired && desired + maxSurge - total > 0)
        {
            newReplicas = Math.Min(desired, newReplicas + (desired + maxSurge - total));
            newRs = Scale(d, newRs, newReplicas);
        }

        var available = all.Sum(ReadyPods);
        var canScaleDown = available - (desired - maxUnavailable);
        foreach (var rs in oldActive.OrderBy(Owners.Revision))
        {
            // Pods of an old ReplicaSet that are not ready cost no availability, so they go first and for free.
            var unready = Replicas(rs) - ReadyPods(rs);
            var down = Math.Min(Replicas(rs), unready + Math.Max(0, canScaleDown));
            if (down > 0)
            {
                canScaleDown -= Math.Max(0, down - unready);
                Scale(d, rs, Replicas(rs) - down);
            }
        }
    }

    private StoredObject CreateReplicaSet(StoredObject d, string hash, long revision, int replicas)
    {
        var template = d.Node["spec"]!["template"]!.DeepClone().AsObject();
        var templateMeta = template["metadata"] as JsonObject ?? [];
        template["metadata"] = templateMeta;
        var labels = templateMeta["labels"] as JsonObject ?? [];
        labels["pod-template-hash"] = hash;
        templateMeta["labels"] = labels;
        var selector = d.Node["spec"]?["selector"]?.DeepClone() as JsonObject ?? [];
        var matchLabels = selector["matchLabels"] as JsonObject ?? [];
        matchLabels["pod-template-hash"] = hash;
        selector["matchLabels"] = matchLabels;
        var rs = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{d.Name}-{hash}",
                ["namespace"] = d.Namespace,
                ["labels"] = labels.DeepClone(),
                ["annotations"] = new JsonObject
                {
                    ["deployment.kubernetes.io/desired-replicas"] = Number(replicas),
                    ["deployment.kubernetes.io/max-replicas"] = Number(replicas + 1),
                    [RevisionKey] = Number(revision),
                },
                ["ownerReferences"] = Owners.ReferenceTo(d),
            },
            ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = template },
        };
        if (d.Metadata["creationTimestamp"] is JsonNode created && cluster.Pods.Instant)
        {
            rs["metadata"]!["creationTimestamp"] = created.DeepClone();
        }

        var stored = cluster.Store.Create(ResourceTypes.ReplicaSets, rs);
        cluster.Events.Normal(d, "ScalingReplicaSet", $"Scaled up replica set {stored.Name} from 0 to {replicas}", Component);
        return stored;
    }

    private StoredObject SetRevision(StoredObject rs, long revision) =>
        cluster.Store.Update(ResourceTypes.ReplicaSets, rs.Namespace, rs.Name, o =>
        {
            var annotations = o["metadata"]!["annotations"] as JsonObject ?? [];
            annotations[RevisionKey] = Number(revision);
            o["metadata"]!["annotations"] = annotations;
            return true;
        });

    private StoredObject Scale(StoredObject d, StoredObject rs, int replicas)
    {
        var from = Replicas(rs);
        if (from == replicas)
        {
            return rs;
        }

        var scaled = cluster.Store.Update(ResourceTypes.ReplicaSets, rs.Namespace, rs.Name, o =>
        {
            o["spec"]!["replicas"] = replicas;
            return true;
        });
        var verb = replicas > from ? "up" : "down";
        cluster.Events.Normal(d, "ScalingReplicaSet", $"Scaled {verb} replica set {rs.Name} from {from} to {replicas}", Component);
        return scaled;
    }

    private void PruneHistory(StoredObject d, List<StoredObject> old)
    {
        var limit = d.Node["spec"]?["revisionHistoryLimit"] is null ? 10 : Cells.Int(d.Node["spec"]?["revisionHistoryLimit"]);
        var idle = old.Where(rs => Replicas(rs) == 0 && Owners.Owned(cluster, ResourceTypes.Pods, rs).Count == 0)
            .OrderBy(Owners.Revision).ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - (int)limit)))
        {
            cluster.Store.Delete(ResourceTypes.ReplicaSets, rs.Namespace, rs.Name);
        }
    }

    private void UpdateStatus(StoredObject d, int desired, int minAvailable, StoredObject newRs, long revision)
    {
        var owned = Owners.Owned(cluster, ResourceTypes.ReplicaSets, d);
        var pods = owned.SelectMany(rs => Owners.Owned(cluster, ResourceTypes.Pods, rs)).Where(p => !p.IsTerminating).ToList();
        var ready = pods.Count(p => PodStatus.IsReady(p.Node));
        var updated = Owners.Owned(cluster, ResourceTypes.Pods, newRs).Count(p => !p.IsTerminating);
        var complete = updated == desired && pods.Count == desired && ready == desired;
        cluster.Store.Update(ResourceTypes.Deployments, d.Namespace, d.Name, o =>
        {
            var annotations = o["metadata"]!["annotations"] as JsonObject ?? [];
            annotations[RevisionKey] = Number(revision);
            o["metadata"]!["annotations"] = annotations;
            var status = new JsonObject
            {
                ["observedGeneration"] = o["metadata"]?["generation"]?.DeepClone(),
                ["replicas"] = pods.Count,
                ["updatedReplicas"] = updated,
                ["readyReplicas"] = ready,
                ["availableReplicas"] = ready,
            };
            if (desired - ready > 0)
            {
                status["unavailableReplicas"] = desired - ready;
            }

            var previous = o["status"]?["conditions"] as JsonArray;
            status["conditions"] = new JsonArray(
                Condition(previous, "Available", ready >= minAvailable ? "True" : "False",
                    ready >= minAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    ready >= minAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability."),
                Condition(previous, "Progressing", "True", complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    complete ? $"ReplicaSet \"{newRs.Name}\" has successfully progressed." : $"ReplicaSet \"{newRs.Name}\" is progressing."));
            o["status"] = status;
            return true;
        });
    }

    /// <summary>Keeps a condition's transition time unless its status actually changed, so idle passes write nothing.</summary>
    private JsonObject Condition(JsonArray? previous, string type, string status, string reason, string message)
    {
        var old = previous?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        var now = Rfc3339.Format(cluster.Now);
        var changed = old is null || (string?)old["status"] != status || (string?)old["reason"] != reason;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = changed ? now : old!["lastUpdateTime"]?.DeepClone(),
            ["lastTransitionTime"] = old is not null && (string?)old["status"] == status ? old["lastTransitionTime"]?.DeepClone() : now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    private int ReadyPods(StoredObject rs) =>
        Owners.Owned(cluster, ResourceTypes.Pods, rs).Count(p => PodStatus.IsReady(p.Node));

    private static int Replicas(StoredObject rs) => (int)Cells.Int(rs.Node["spec"]?["replicas"]);

    private static int Resolve(JsonNode? value, int desired, bool roundUp, string fallback)
    {
        var text = value is null ? fallback : value.ToString();
        if (text.EndsWith('%'))
        {
            var fraction = desired * double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100;
            return (int)(roundUp ? Math.Ceiling(fraction) : Math.Floor(fraction));
        }

        return int.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
