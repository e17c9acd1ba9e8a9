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

    /// <summary>
    /// The four Golden Signals from Prometheus as tiles and charts: optional <c>window</c> (<c>5m</c>, <c>15m</c>, <c>60m</c>) and
    /// <c>focus</c> (<c>errors</c>: the error rates and the counts per response code first).
    /// </summary>
    public const string GoldenSignals = "golden-signals";

    /// <summary>The application namespace's service graph from Istio's metrics (ingress → gateway → services → data), drawn as SVG.</summary>
    public const string ServiceGraph = "service-graph";

    /// <summary>Prometheus's alerting rules with state, since and value, and Alertmanager's active alerts.</summary>
    public const string Alerts = "alerts";

    /// <summary>The latest demo-commit run's pipeline: commit → CI → CD → Argo CD → rollout, with the stopwatch.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>
    /// Part 1's architecture diagram drawn from the cluster: the delivery path, the application namespace's request
    /// path (ingress → gateway → services → data) and the other demo namespaces, with live replica counts and health.
    /// </summary>
    public const string Architecture = "architecture";

    public static IReadOnlySet<string> Known { get; } = new[]
    {
        Pods, Workloads, Security, NetworkPolicies, AlertRules, Logs, ArgoCd, Autoscalers, RolloutHistory, GoldenSignals, ServiceGraph, Alerts, Pipeline,
        Architecture,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The views drawn from Prometheus rather than from the cluster's API.</summary>
    public static IReadOnlySet<string> Metrics { get; } = new[] { GoldenSignals, ServiceGraph, Alerts }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The windows a golden-signals view may show (the parameter's text to its length).</summary>
    public static IReadOnlyDictionary<string, TimeSpan> Windows { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["60m"] = TimeSpan.FromMinutes(60),
        ["1h"] = TimeSpan.FromMinutes(60),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The console's own view a Grafana or Kiali panel falls back to when its frame cannot be shown.</summary>
    public static string? FallbackFor(PanelKind kind) => kind switch
    {
        PanelKind.Grafana => GoldenSignals,
        PanelKind.Kiali => ServiceGraph,
        _ => null,
    };
}
