using DemoConsole.Core.Messages;
using k8s;
using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>The arguments of one watch request.</summary>
public sealed record WatchRequest(string ResourceVersion, int TimeoutSeconds, bool AllowBookmarks, Action<Exception> OnError);

/// <summary>
/// One namespaced resource type in one namespace, as the informer needs it: a list call and a watch call, both
/// straight onto KubernetesClient's generated operations.
/// </summary>
public sealed class ResourceSource<T>(UiMessage description,
    Func<IKubernetes, CancellationToken, Task<(IReadOnlyList<T> Items, string? ResourceVersion)>> list,
    Func<IKubernetes, WatchRequest, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch)
    where T : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>"pods in titanium-prod": what the state messages name (in the reader's language).</summary>
    public UiMessage Text => description;

    /// <summary>The same in English, for logs.</summary>
    public string Description => description.ToString();

    public Task<(IReadOnlyList<T> Items, string? ResourceVersion)> ListAsync(IKubernetes client, CancellationToken cancellationToken) =>
        list(client, cancellationToken);

    public IAsyncEnumerable<(WatchEventType, T)> WatchAsync(IKubernetes client, WatchRequest request, CancellationToken cancellationToken) =>
        watch(client, request, cancellationToken);
}
