using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.GitHub.Git;
using DemoConsole.Sandbox.Store;
using static DemoConsole.Sandbox.ArgoCd.ApplicationDocument;

namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>
/// The sync step of an Application's automated operation, once the <see cref="ArgoCdController"/> has started it
/// (phase Running): sets the kustomize images of the commit on the Deployments of the destination namespace, then
/// ends the operation Succeeded with its result and history entry (health Progressing while anything rolls out), or
/// Error with the message.
/// </summary>
internal sealed class ApplicationSync(Cluster cluster, ApplicationHealthWatcher health)
{
    private ResourceStore Store => cluster.Store;

    /// <summary>
    /// The sync step. Whatever stops it ends the operation with phase Error and the message, as Argo CD ends an
    /// operation that could not run (status.operationState.phase Error), instead of leaving it Running for ever; an
    /// error that is not the manifests' is a defect of the simulation and is recorded as a fault as well. Argo CD's
    /// retries (limit 5) are not simulated: with the manifests checked at refresh, what is left would fail each time.
    /// </summary>
    public void Run(string name, GitCommit commit, string path, DateTimeOffset started)
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
            cluster.RecordFault(e);
            EndWithError(name, commit, started, e.Message);
        }
    }

    private void EndWithError(string name, GitCommit commit, DateTimeOffset started, string message)
    {
        var finished = cluster.Now;
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

        var finished = cluster.Now;
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
                status["health"] = health.Progressing(changed.Count);
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
            health.Watch(name, destination, changed, finished);
        }
    }
}
