using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.GitHub.Git;
using DemoConsole.Sandbox.Store;
using static DemoConsole.Sandbox.ArgoCd.ApplicationDocument;

namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>
/// Argo CD's application controller for the sandbox's Applications in <c>argocd</c> that track the twin's
/// repository, its reconcile side: a push (as with a webhook) refreshes them; an app whose path changed goes
/// OutOfSync and auto-sync starts an operation (phase Running). A path kustomize cannot build is a ComparisonError
/// (sync Unknown, no auto-sync). The sync step itself (kustomize images on its Deployments, Succeeded or Error) is
/// <see cref="ApplicationSync"/>'s, and the health that follows it <see cref="ApplicationHealthWatcher"/>'s.
/// Shapes follow the Argo CD reference.
/// </summary>
internal sealed class ArgoCdController
{
    private readonly Cluster _cluster;
    private readonly GitRepository _repository;
    private readonly ApplicationSync _sync;

    public ArgoCdController(Cluster cluster, GitRepository repository)
    {
        _cluster = cluster;
        _repository = repository;
        _sync = new ApplicationSync(cluster, new ApplicationHealthWatcher(cluster));
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
        _cluster.After(_cluster.ScaledRandom(1, 3), () => _sync.Run(name, commit, path, started));
    }
}
