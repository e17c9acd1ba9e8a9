using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api.Tables;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Controllers.Faults;

/// <summary>
/// Faults put on a deployment's pods so teams can rehearse diagnosing them (describe, logs, events) and the
/// recovery: each kind is played by the simulated kubelet as a cluster shows it, on the pods there now and on every
/// pod the deployment makes while the fault is on. Clearing lets the pods heal (the dependency is back, the image
/// was pushed); an image-pull fault also heals by <c>kubectl rollout undo</c>.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Cluster _cluster;
    private readonly ConcurrentDictionary<(string Namespace, string Deployment), ActiveFault> _active = new();
    private readonly ConcurrentDictionary<string, byte> _missingImages = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public FaultInjector(Cluster cluster)
    {
        _cluster = cluster;
        Failing = new FailingContainer(cluster, this);
        Readiness = new ReadinessFailure(cluster, this);
        ImagePull = new ImagePullFailure(cluster, this);
    }

    public FailingContainer Failing { get; }

    public ReadinessFailure Readiness { get; }

    public ImagePullFailure ImagePull { get; }

    public IReadOnlyList<ActiveFault> Active => [.. _active.Values.OrderBy(f => f.Namespace, StringComparer.Ordinal).ThenBy(f => f.Deployment, StringComparer.Ordinal)];

    public bool IsPullable(string image) => !_missingImages.ContainsKey(image);

    public FaultKind? For(StoredObject pod) => For(pod.Node);

    public FaultKind? For(JsonNode pod) =>
        DeploymentOf(pod) is { } key && _active.TryGetValue(key, out var fault) ? fault.Kind : null;

    /// <summary>The container a fault keeps from becoming ready when the pod starts (the app container), or null.</summary>
    public string? HoldsBack(JsonNode pod) =>
        For(pod) is FaultKind.CrashLoop or FaultKind.OomKill or FaultKind.Readiness ? ContainerUpdates.AppContainer(pod) : null;

    /// <summary>The pod's containers just started: a crash, OOM kill or failing probe begins.</summary>
    public void ContainersStarted(StoredObject pod)
    {
        var app = ContainerUpdates.AppContainer(pod.Node);
        switch (For(pod))
        {
            case FaultKind.CrashLoop:
                Failing.Started(pod, app, FaultKind.CrashLoop);
                break;
            case FaultKind.OomKill:
                Failing.Started(pod, app, FaultKind.OomKill);
                break;
            case FaultKind.Readiness:
                Readiness.Started(pod, app);
                break;
        }
    }

    public ActiveFault Inject(string ns, string deployment, FaultKind kind)
    {
        lock (_gate)
        {
            var target = _cluster.Store.GetRequired(ResourceTypes.Deployments, ns, deployment);
            if (_active.TryGetValue((ns, deployment), out var existing))
            {
                throw new ApiException(409, "Conflict",
                    $"deployment \"{deployment}\" already has a {FaultKinds.Name(existing.Kind)} fault; clear it before injecting another", ResourceTypes.Deployments.Plural, deployment);
            }

            var app = PodStatus.Containers(target.Node["spec"]?["template"] ?? new JsonObject()).FirstOrDefault()
                ?? throw ApiException.Invalid(ResourceTypes.Deployments, deployment, "spec.template.spec.containers: Required value");
            if (kind == FaultKind.Readiness && app["readinessProbe"] is null)
            {
                throw new ApiException(422, "Invalid",
                    $"container \"{Cells.Text(app["name"])}\" of deployment \"{deployment}\" has no readiness probe, so it cannot fail one", ResourceTypes.Deployments.Plural, deployment);
            }

            var image = kind == FaultKind.ImagePull ? MissingTag(Cells.Text(app["image"])) : null;
            var fault = new ActiveFault(ns, deployment, kind, _cluster.Now, image);
            _active[(ns, deployment)] = fault;
            if (image is not null)
            {
                _missingImages[image] = 0;
                PatchImage(target, image);
                return fault;
            }

            foreach (var pod in RunningPods(target))
            {
                ContainersStarted(pod);
            }

            return fault;
        }
    }

    /// <summary>Ends a fault; false when the deployment had none.</summary>
    public bool Clear(string ns, string deployment)
    {
        lock (_gate)
        {
            if (!_active.TryRemove((ns, deployment), out var fault))
            {
                return false;
            }

            if (fault.Image is not null)
            {
                _missingImages.TryRemove(fault.Image, out _);
            }

            return true;
        }
    }

    /// <summary>A tag the registry does not have, as a mistyped <c>kubectl set image</c> would give.</summary>
    private static string MissingTag(string image)
    {
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? image + "-nonexistent" : image + ":nonexistent";
    }

    private void PatchImage(StoredObject deployment, string image) =>
        _cluster.Store.Update(ResourceTypes.Deployments, deployment.Namespace, deployment.Name, d =>
        {
            var container = Cells.Objects(d["spec"]?["template"]?["spec"]?["containers"]).First();
            container["image"] = image;
            return true;
        });

    private IEnumerable<StoredObject> RunningPods(StoredObject deployment) =>
        _cluster.Store.List(ResourceTypes.Pods, deployment.Namespace).Items
            .Where(p => !p.IsTerminating && Cells.Text(p.Node["status"]?["phase"]) == "Running"
                && DeploymentOf(p.Node) == (deployment.Namespace, deployment.Name));

    /// <summary>The deployment that owns a pod through its ReplicaSet, from the controller owner references.</summary>
    private (string Namespace, string Deployment)? DeploymentOf(JsonNode pod)
    {
        var ns = Cells.Text(pod["metadata"]?["namespace"]);
        var rsName = Controller(pod, "ReplicaSet");
        if (rsName is null || _cluster.Store.Get(ResourceTypes.ReplicaSets, ns, rsName) is not { } rs)
        {
            return null;
        }

        return Controller(rs.Node, "Deployment") is { } deployment ? (ns, deployment) : null;
    }

    private static string? Controller(JsonNode obj, string kind) =>
        Cells.Objects(obj["metadata"]?["ownerReferences"])
            .FirstOrDefault(r => (bool?)r["controller"] == true && Cells.Text(r["kind"]) == kind) is { } owner ? Cells.Text(owner["name"]) : null;
}
