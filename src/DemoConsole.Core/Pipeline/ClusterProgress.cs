using DemoConsole.Core.Cluster;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// The cluster half, read from the cluster views (no extra watches): the Argo CD Application that tracks the
/// repository (the one whose path the CD commit touched), and the deployment whose pods carry the new image tag.
/// </summary>
internal static class ClusterProgress
{
    public static ArgoSyncView? Argo(ClusterViewsSnapshot cluster, PipelineFollowRequest request, PipelineCommitView? deploy, IReadOnlyList<string> deployFiles)
    {
        var candidates = cluster.Applications
            .Where(a => a.Namespace == request.ArgoNamespace && SameRepository(a.RepoUrl, request.Target))
            .ToList();
        var app = candidates.FirstOrDefault(a => a.Path is { Length: > 0 } p && deployFiles.Any(f => f.StartsWith(p.Trim('/') + "/", StringComparison.Ordinal)))
            ?? (deployFiles.Count == 0 ? null : candidates.FirstOrDefault(a => string.IsNullOrEmpty(a.Path)));
        return app is null ? null : new ArgoSyncView(app.Namespace, app.Name, app.Sync, app.Health, app.Revision, app.OperationPhase, app.Message,
            app.DestinationNamespace, deploy is not null && app.Revision == deploy.Sha, app.Error);
    }

    public static RolloutView? Rollout(ClusterViewsSnapshot cluster, ArgoSyncView? argo, string? tag)
    {
        if (argo?.DestinationNamespace is not { } ns || tag is null)
        {
            return null;
        }

        bool IsNew(PodView p) => p.Containers.Any(c => c.Image?.EndsWith(":" + tag, StringComparison.Ordinal) == true);
        var newPods = cluster.Pods.Where(p => p.Namespace == ns && p.Owner?.Kind == "Deployment" && IsNew(p)).ToList();
        if (newPods.Count == 0)
        {
            return null;
        }

        var deployment = newPods[0].Owner!.Name;
        var image = newPods[0].Containers.First(c => c.Image?.EndsWith(":" + tag, StringComparison.Ordinal) == true).Image!;
        var owned = cluster.Pods.Where(p => p.Namespace == ns && p.Owner?.Kind == "Deployment" && p.Owner.Name == deployment).ToList();
        var desired = cluster.Workloads.FirstOrDefault(w => w.Namespace == ns && w.Kind == "Deployment" && w.Name == deployment)?.Desired ?? 0;
        var mine = owned.Where(IsNew).ToList();
        return new RolloutView(ns, deployment, image, desired, mine.Count(p => !p.Terminating), mine.Count(p => p.IsRunningAndReady), owned.Count(p => !IsNew(p)));
    }

    /// <summary>https://github.com/Owner/Name(.git) matches Owner/Name whatever the host (github.com or an Enterprise server).</summary>
    private static bool SameRepository(string? url, RepositoryTarget target)
    {
        if (url is null)
        {
            return false;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsolutePath : url[(url.IndexOf(':', StringComparison.Ordinal) + 1)..];
        path = path.Trim('/');
        path = path.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
        return string.Equals(path, target.FullName, StringComparison.OrdinalIgnoreCase);
    }
}
