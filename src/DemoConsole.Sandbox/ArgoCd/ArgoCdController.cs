using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.GitHub.Git;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>
/// Argo CD's application controller for the sandbox's Applications in <c>argocd</c> that track the twin's
/// repository: a push (as with a webhook) refreshes them; an app whose path changed goes OutOfSync, auto-sync
/// runs an operation (Running → Succeeded) that sets the kustomize images on its Deployments, and health stays
/// Progressing until the deployment controller finished the rollout. A path kustomize cannot build is a
/// ComparisonError (sync Unknown, no auto-sync); a sync step that fails ends its operation in phase Error with the
/// message. Shapes follow the Argo CD reference.
/// </summary>
internal sealed class ArgoCdController
{
    private const string Namespace = "argocd";
    private static readonly TimeSpan HealthPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressDeadline = TimeSpan.FromMinutes(10);
    private readonly Cluster _cluster;
    private readonly GitRepository _repository;

    public ArgoCdController(Cluster cluster, GitRepository repository)
    {
        _cluster = cluster;
        _repository = repository;
        repository.Pushed += OnPushed;
    }

    private ResourceStore Store => _cluster.Store;

    private void OnPushed(GitCommit commit, string branch)
    {
        foreach (var app in Store.List(ResourceTypes.Applications, Namespace).Items)
        {
            var source = app.Node["spec"]?["source"];
            if (!TracksRepository((string?)source?["repoURL"]) || !TracksBranch((string?)source?["targetRevision"], branch))
            {
                continue;
            }

            var path = ((string?)source?["path"] ?? "").Trim('/');
            var touched = commit.Changes.Any(c => path.Length == 0 || c.Path.StartsWith(path + "/", StringComparison.Ordinal));
            var name = app.Name;

            // A webhook makes Argo CD refresh within seconds (instead of its 3-minute poll).
            _cluster.After(_cluster.ScaledRandom(3, 8), () => Refresh(name, commit, path, touched));
        }
    }

    private bool TracksRepository(string? url)
    {
        var normalized = (url ?? "").Trim().TrimEnd('/');
        normalized = normalized.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? normalized[..^4] : normalized;
        return string.Equals(normalized, $"https://github.com/{_repository.FullName}", StringComparison.OrdinalIgnoreCase);
    }

    private bool TracksBranch(string? target, string branch) =>
        target is null or "" or "HEAD" ? branch == _repository.DefaultBranch : target == branch || target == "refs/heads/" + branch;

    private void Refresh(string name, GitCommit commit, string path, bool touched)
    {
        // Argo CD generates the manifests of the new revision first; kustomize refusing them is a ComparisonError,
        // the sync status turns Unknown and auto-sync does not start (it only syncs an app that is OutOfSync).
        var problem = RepoServer.Problem(commit, path);
        var automated = false;
        Store.Update(ResourceTypes.Applications, Namespace, name, o =>
        {
            var status = Status(o);
            var sync = status["sync"] as JsonObject ?? [];
            sync["status"] = problem is not null ? "Unknown" : touched ? "OutOfSync" : "Synced";
            sync["revision"] = commit.Sha;
            sync["comparedTo"] = new JsonObject { ["source"] = o["spec"]?["source"]?.DeepClone(), ["destination"] = o["spec"]?["destination"]?.DeepClone() };
            status["sync"] = sync;
            SetComparisonError(status, problem);
            status["reconciledAt"] = Rfc3339.Format(_cluster.Now);
            automated = o["spec"]?["syncPolicy"]?["automated"] is JsonObject;
            return true;
        });
        if (touched && automated && problem is null)
        {
            _cluster.After(_cluster.ScaledRandom(1, 3), () => StartSync(name, commit, path));
        }
    }

    private void SetComparisonError(JsonObject status, string? problem)
    {
        var others = (status["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => (string?)c["type"] != "ComparisonError").Select(c => (JsonNode?)c.DeepClone()).ToList();
        if (problem is not null)
        {
            others.Add(new JsonObject { ["type"] = "ComparisonError", ["message"] = problem, ["lastTransitionTime"] = Rfc3339.Format(_cluster.Now) });
        }

        if (others.Count > 0)
        {
            status["conditions"] = new JsonArray([.. others]);
        }
        else
        {
            status.Remove("conditions");
        }
    }

    private void StartSync(string name, GitCommit commit, string path)
    {
        var started = _cluster.Now;
        Store.Update(ResourceTypes.Applications, Namespace, name, o =>
        {
            var operation = Operation(o, commit.Sha);
            o["operation"] = operation;
            Status(o)["operationState"] = new JsonObject
            {
                ["operation"] = operation.DeepClone(),
                ["phase"] = "Running",
                ["message"] = "one or more tasks are running",
                ["startedAt"] = Rfc3339.Format(started),
            };
            return true;
        });
        _cluster.After(_cluster.ScaledRandom(1, 3), () => Sync(name, commit, path, started));
    }

    /// <summary>
    /// The sync step. Whatever stops it ends the operation with phase Error and the message, as Argo CD ends an
    /// operation that could not run (status.operationState.phase Error), instead of leaving it Running for ever; an
    /// error that is not the manifests' is a defect of the simulation and is recorded as a fault as well. Argo CD's
    /// retries (limit 5) are not simulated: with the manifests checked at refresh, what is left would fail each time.
    /// </summary>
    private void Sync(string name, GitCommit commit, string path, DateTimeOffset started)
    {
        try
        {
            Apply(name, commit, path, started);
        }
        catch (KustomizeBuildException e)
        {
            EndWithError(name, commit, started, RepoServer.Message(path, e));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _cluster.RecordFault(e);
            EndWithError(name, commit, started, e.Message);
        }
    }

    private void EndWithError(string name, GitCommit commit, DateTimeOffset started, string message)
    {
        var finished = _cluster.Now;
        Store.Update(ResourceTypes.Applications, Namespace, name, o =>
        {
            o.Remove("operation");
            Status(o)["operationState"] = new JsonObject
            {
                ["operation"] = Operation(o, commit.Sha),
                ["phase"] = "Error",
                ["message"] = message,
                ["startedAt"] = Rfc3339.Format(started),
                ["finishedAt"] = Rfc3339.Format(finished),
                ["syncResult"] = new JsonObject { ["revision"] = commit.Sha, ["source"] = o["spec"]?["source"]?.DeepClone() },
            };
            return true;
        });
    }

    private void Apply(string name, GitCommit commit, string path, DateTimeOffset started)
    {
        if (Store.Get(ResourceTypes.Applications, Namespace, name) is not { } app)
        {
            return; // Deleted meanwhile: its operation went with it.
        }

        var destination = (string?)app.Node["spec"]?["destination"]?["namespace"] ?? "default";
        var images = RepoServer.Images(commit, path);
        var results = new JsonArray();
        var changed = new List<string>();
        foreach (var deployment in Store.List(ResourceTypes.Deployments, destination).Items)
        {
            IReadOnlyList<string> set = [];
            try
            {
                Store.Update(ResourceTypes.Deployments, destination, deployment.Name, o => (set = KustomizeImages.Apply(o, images)).Count > 0);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                continue; // Deleted since the list: nothing of it to configure.
            }

            if (set.Count > 0)
            {
                changed.Add(deployment.Name);
                results.Add(new JsonObject
                {
                    ["group"] = "apps", ["version"] = "v1", ["kind"] = "Deployment", ["namespace"] = destination, ["name"] = deployment.Name,
                    ["status"] = "Synced", ["message"] = $"deployment.apps/{deployment.Name} configured",
                    ["hookPhase"] = "Succeeded", ["syncPhase"] = "Sync", ["images"] = new JsonArray(set.Select(i => (JsonNode?)i).ToArray()),
                });
            }
        }

        var finished = _cluster.Now;
        Store.Update(ResourceTypes.Applications, Namespace, name, o =>
        {
            var status = Status(o);
            o.Remove("operation");
            status["operationState"] = new JsonObject
            {
                ["operation"] = Operation(o, commit.Sha),
                ["phase"] = "Succeeded",
                ["message"] = "successfully synced (all tasks run)",
                ["startedAt"] = Rfc3339.Format(started),
                ["finishedAt"] = Rfc3339.Format(finished),
                ["syncResult"] = new JsonObject { ["revision"] = commit.Sha, ["source"] = o["spec"]?["source"]?.DeepClone(), ["resources"] = results },
            };
            status["sync"]!["status"] = "Synced";
            if (changed.Count > 0)
            {
                status["health"] = Health("Progressing", $"Waiting for rollout to finish: 0 out of {changed.Count} deployments have been updated...");
            }

            var history = status["history"] as JsonArray ?? [];
            history.Add(new JsonObject
            {
                ["id"] = history.Count,
                ["revision"] = commit.Sha,
                ["deployStartedAt"] = Rfc3339.Format(started),
                ["deployedAt"] = Rfc3339.Format(finished),
                ["source"] = o["spec"]?["source"]?.DeepClone(),
                ["initiatedBy"] = new JsonObject { ["automated"] = true },
            });
            status["history"] = history;
            return true;
        });
        if (changed.Count > 0)
        {
            WatchHealth(name, destination, changed, finished);
        }
    }

    private void WatchHealth(string name, string destination, IReadOnlyList<string> deployments, DateTimeOffset since)
    {
        _cluster.After(_cluster.Scaled(HealthPoll), () =>
        {
            var done = deployments.All(d => Store.Get(ResourceTypes.Deployments, destination, d) is { } o && RolledOut(o));
            var late = _cluster.Now - since > _cluster.Scaled(ProgressDeadline);
            if (!done && !late)
            {
                WatchHealth(name, destination, deployments, since);
                return;
            }

            Store.Update(ResourceTypes.Applications, Namespace, name, o =>
            {
                Status(o)["health"] = done
                    ? Health("Healthy", null)
                    : Health("Degraded", $"Deployment \"{deployments[0]}\" exceeded its progress deadline");
                Status(o)["reconciledAt"] = Rfc3339.Format(_cluster.Now);
                return true;
            });
        });
    }

    private static bool RolledOut(StoredObject deployment)
    {
        var desired = JsonNumber.Read(deployment.Node["spec"]?["replicas"]) ?? 1;
        var status = deployment.Node["status"];
        return JsonNumber.Read(status?["observedGeneration"]) >= JsonNumber.Read(deployment.Metadata["generation"])
            && JsonNumber.Read(status?["updatedReplicas"]) == desired
            && JsonNumber.Read(status?["availableReplicas"]) == desired
            && JsonNumber.Read(status?["replicas"]) == desired;
    }

    private JsonObject Health(string state, string? message)
    {
        var health = new JsonObject { ["status"] = state, ["lastTransitionTime"] = Rfc3339.Format(_cluster.Now) };
        if (message is not null)
        {
            health["message"] = message;
        }

        return health;
    }

    private static JsonObject Operation(JsonObject app, string revision) => new()
    {
        ["sync"] = new JsonObject { ["revision"] = revision, ["prune"] = (bool?)app["spec"]?["syncPolicy"]?["automated"]?["prune"] ?? false },
        ["initiatedBy"] = new JsonObject { ["automated"] = true },
        ["retry"] = new JsonObject { ["limit"] = 5 },
    };

    private static JsonObject Status(JsonObject app)
    {
        if (app["status"] is not JsonObject status)
        {
            status = [];
            app["status"] = status;
        }

        return status;
    }
}
