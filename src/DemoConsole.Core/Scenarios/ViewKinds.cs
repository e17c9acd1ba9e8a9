using System.Collections.Frozen;

namespace DemoConsole.Core.Scenarios;

/// <summary>
/// The live cluster views a scenario may place on a page with a <c>demo-view</c> block. Unlike a panel (an
/// embedded web page), a view is drawn by the console from the cluster's own API. See docs/scenario-format.md.
/// </summary>
public static class ViewKinds
{
    /// <summary>Pods (ready, status, restarts, age, sidecar); parameter <c>namespace</c> (default: every demo namespace).</summary>
    public const string Pods = "pods";

    /// <summary>Deployments and StatefulSets with replicas, and the "every main service has at least 2 replicas" check.</summary>
    public const string Workloads = "workloads";

    /// <summary>mTLS mode per namespace and the sidecar of every pod.</summary>
    public const string Security = "security";

    public const string NetworkPolicies = "network-policies";

    /// <summary>PrometheusRule alerts with expressions and thresholds.</summary>
    public const string AlertRules = "alert-rules";

    /// <summary>A live log tail: <c>namespace</c>, <c>selector</c>, <c>container</c>, optional <c>filter</c> (regex) and <c>tail</c>.</summary>
    public const string Logs = "logs";

    /// <summary>Argo CD applications with sync and health status.</summary>
    public const string ArgoCd = "argocd";

    public const string Autoscalers = "autoscalers";

    /// <summary>A deployment's revisions with change-cause and images: <c>namespace</c>, <c>deployment</c>.</summary>
    public const string RolloutHistory = "rollout-history";

    /// <summary>The latest demo-commit run's pipeline: commit → CI → CD → Argo CD → rollout, with the stopwatch.</summary>
    public const string Pipeline = "pipeline";

    public static IReadOnlySet<string> Known { get; } = new[]
    {
        Pods, Workloads, Security, NetworkPolicies, AlertRules, Logs, ArgoCd, Autoscalers, RolloutHistory, Pipeline,
    }.ToFrozenSet(StringComparer.Ordinal);
}
