using k8s;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// The namespaced kinds manifests may contain, each with its server-side apply and delete through the typed
/// client. A kind not listed is refused before anything is written (a demo manifest needs no more).
/// </summary>
internal static class ManifestKinds
{
    public sealed record Operations(
        Func<IKubernetes, V1Patch, string, string, string, CancellationToken, Task> ApplyAsync,
        Func<IKubernetes, string, string, CancellationToken, Task> DeleteAsync);

    private const string Background = "Background";

    private static readonly Dictionary<string, Operations> Known = new(StringComparer.Ordinal)
    {
        ["apps/v1/Deployment"] = new(
            (c, p, name, ns, manager, ct) => c.AppsV1.PatchNamespacedDeploymentAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct),
            (c, name, ns, ct) => c.AppsV1.DeleteNamespacedDeploymentAsync(name, ns, propagationPolicy: Background, cancellationToken: ct)),
        ["apps/v1/StatefulSet"] = new(
            (c, p, name, ns, manager, ct) => c.AppsV1.PatchNamespacedStatefulSetAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct),
            (c, name, ns, ct) => c.AppsV1.DeleteNamespacedStatefulSetAsync(name, ns, propagationPolicy: Background, cancellationToken: ct)),
        ["v1/Service"] = new(
            (c, p, name, ns, manager, ct) => c.CoreV1.PatchNamespacedServiceAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct),
            (c, name, ns, ct) => c.CoreV1.DeleteNamespacedServiceAsync(name, ns, propagationPolicy: Background, cancellationToken: ct)),
        ["v1/ConfigMap"] = new(
            (c, p, name, ns, manager, ct) => c.CoreV1.PatchNamespacedConfigMapAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct),
            (c, name, ns, ct) => c.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, propagationPolicy: Background, cancellationToken: ct)),
        ["v1/ServiceAccount"] = new(
            (c, p, name, ns, manager, ct) => c.CoreV1.PatchNamespacedServiceAccountAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct),
            (c, name, ns, ct) => c.CoreV1.DeleteNamespacedServiceAccountAsync(name, ns, propagationPolicy: Background, cancellationToken: ct)),
    };

    public static Operations? Find(ManifestObject o) => Known.GetValueOrDefault($"{o.ApiVersion}/{o.Kind}");

    public static string Supported => string.Join(", ", Known.Keys.Select(k => k[(k.LastIndexOf('/') + 1)..]));
}
