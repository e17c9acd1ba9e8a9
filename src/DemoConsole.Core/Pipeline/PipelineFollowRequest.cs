namespace DemoConsole.Core.Pipeline;

/// <summary>What to follow: the demo commit on the scenario's repository and branch.</summary>
/// <param name="ArgoNamespace">Where the Argo CD Applications live (read through the cluster views).</param>
public sealed record PipelineFollowRequest(RepositoryTarget Target, string CommitSha, string Message, DateTimeOffset CommittedAt, string? HtmlUrl = null, string ArgoNamespace = "argocd");
