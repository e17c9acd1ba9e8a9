using System.Runtime.CompilerServices;
using System.Text.Json;
using DemoConsole.Core.Messages;
using k8s;
using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>The sources the console watches: typed resources, and custom resources through the generic custom-object API.</summary>
public static class ResourceSources
{
    public static ResourceSource<V1Pod> Pods(string ns, string? labelSelector = null) => new(
        In(labelSelector is null ? "pods" : $"pods ({labelSelector})", ns),
        async (c, ct) => Items(await c.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector, cancellationToken: ct)),
        (c, r, ct) => c.CoreV1.WatchListNamespacedPodAsync(ns, allowWatchBookmarks: r.AllowBookmarks, labelSelector: labelSelector,
            resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: r.OnError, cancellationToken: ct));

    public static ResourceSource<V1Deployment> Deployments(string ns) => new(
        In("deployments", ns),
        async (c, ct) => Items(await c.AppsV1.ListNamespacedDeploymentAsync(ns, cancellationToken: ct)),
        (c, r, ct) => c.AppsV1.WatchListNamespacedDeploymentAsync(ns, allowWatchBookmarks: r.AllowBookmarks,
            resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: r.OnError, cancellationToken: ct));

    public static ResourceSource<V1StatefulSet> StatefulSets(string ns) => new(
        In("statefulsets", ns),
        async (c, ct) => Items(await c.AppsV1.ListNamespacedStatefulSetAsync(ns, cancellationToken: ct)),
        (c, r, ct) => c.AppsV1.WatchListNamespacedStatefulSetAsync(ns, allowWatchBookmarks: r.AllowBookmarks,
            resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: r.OnError, cancellationToken: ct));

    public static ResourceSource<V2HorizontalPodAutoscaler> HorizontalPodAutoscalers(string ns) => new(
        In("horizontalpodautoscalers", ns),
        async (c, ct) => Items(await c.AutoscalingV2.ListNamespacedHorizontalPodAutoscalerAsync(ns, cancellationToken: ct)),
        (c, r, ct) => c.AutoscalingV2.WatchListNamespacedHorizontalPodAutoscalerAsync(ns, allowWatchBookmarks: r.AllowBookmarks,
            resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: r.OnError, cancellationToken: ct));

    public static ResourceSource<V1NetworkPolicy> NetworkPolicies(string ns) => new(
        In("networkpolicies", ns),
        async (c, ct) => Items(await c.NetworkingV1.ListNamespacedNetworkPolicyAsync(ns, cancellationToken: ct)),
        (c, r, ct) => c.NetworkingV1.WatchListNamespacedNetworkPolicyAsync(ns, allowWatchBookmarks: r.AllowBookmarks,
            resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: r.OnError, cancellationToken: ct));

    /// <summary>"pods in titanium-prod": a resource as kubectl names it, and its namespace.</summary>
    private static UiMessage In(string resource, string ns) => new("Cluster_ResourceIn", resource, ns);

    /// <summary>A custom resource: the generic API hands out JSON, which is read into <see cref="CustomObject"/>.</summary>
    public static ResourceSource<CustomObject> Custom(string group, string version, string plural, string ns) => new(
        In($"{plural}.{group}", ns),
        async (c, ct) =>
        {
            var list = await c.CustomObjects.ListNamespacedCustomObjectAsync<CustomObjectList>(group, version, ns, plural, cancellationToken: ct);
            return ([.. list.Items], list.Metadata?.ResourceVersion);
        },
        (c, r, ct) => Typed(c.CustomObjects.WatchListNamespacedCustomObjectAsync(group, version, ns, plural, allowWatchBookmarks: r.AllowBookmarks,
            resourceVersion: r.ResourceVersion, timeoutSeconds: r.TimeoutSeconds, onError: r.OnError, cancellationToken: ct), r.OnError, ct));

    public static ResourceSource<CustomObject> PeerAuthentications(string ns) => Custom("security.istio.io", "v1", "peerauthentications", ns);

    public static ResourceSource<CustomObject> ArgoApplications(string ns) => Custom("argoproj.io", "v1alpha1", "applications", ns);

    public static ResourceSource<CustomObject> PrometheusRules(string ns) => Custom("monitoring.coreos.com", "v1", "prometheusrules", ns);

    private static (IReadOnlyList<T> Items, string? ResourceVersion) Items<T>(IItems<T> list) =>
        ([.. list.Items], (list as IMetadata<V1ListMeta>)?.Metadata?.ResourceVersion);

    private static async IAsyncEnumerable<(WatchEventType, CustomObject)> Typed(IAsyncEnumerable<(WatchEventType, object)> events, Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (type, item) in events.WithCancellation(cancellationToken))
        {
            CustomObject? typed = null;
            try
            {
                typed = item is JsonElement json ? KubernetesJson.Deserialize<CustomObject>(json.GetRawText()) : null;
            }
            catch (JsonException ex)
            {
                onError(ex);
            }

            if (typed is not null)
            {
                yield return (type, typed);
            }
        }
    }
}
