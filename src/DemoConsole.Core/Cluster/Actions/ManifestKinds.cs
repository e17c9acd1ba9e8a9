using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// The namespaced kinds manifests may contain, each with its server-side apply and delete through the typed
/// client. A kind not listed is refused before anything is written (a demo manifest needs no more).
/// </summary>
internal static class ManifestKinds
{
    /// <param name="ApplyAsync">Server-side apply; answers whether the apply created the object (201) and its uid.</param>
    /// <param name="DeleteAsync">Background delete; with a uid, only if the object is still that one (a precondition).</param>
    public sealed record Operations(
        Func<IKubernetes, V1Patch, string, string, string, CancellationToken, Task<ApplyOutcome>> ApplyAsync,
        Func<IKubernetes, string, string, string?, CancellationToken, Task> DeleteAsync);

    /// <summary>What one apply did: <see cref="Created"/> when the API server answered 201 (the object did not exist).</summary>
    public sealed record ApplyOutcome(bool Created, string? Uid);

    private const string Background = "Background";

    private static readonly Dictionary<string, Operations> Known = new(StringComparer.Ordinal)
    {
        ["apps/v1/Deployment"] = new(
            async (c, p, name, ns, manager, ct) => Outcome(await c.AppsV1.PatchNamespacedDeploymentWithHttpMessagesAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct)),
            (c, name, ns, uid, ct) => c.AppsV1.DeleteNamespacedDeploymentAsync(name, ns, Options(uid), cancellationToken: ct)),
        ["apps/v1/StatefulSet"] = new(
            async (c, p, name, ns, manager, ct) => Outcome(await c.AppsV1.PatchNamespacedStatefulSetWithHttpMessagesAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct)),
            (c, name, ns, uid, ct) => c.AppsV1.DeleteNamespacedStatefulSetAsync(name, ns, Options(uid), cancellationToken: ct)),
        ["v1/Service"] = new(
            async (c, p, name, ns, manager, ct) => Outcome(await c.CoreV1.PatchNamespacedServiceWithHttpMessagesAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct)),
            (c, name, ns, uid, ct) => c.CoreV1.DeleteNamespacedServiceAsync(name, ns, Options(uid), cancellationToken: ct)),
        ["v1/ConfigMap"] = new(
            async (c, p, name, ns, manager, ct) => Outcome(await c.CoreV1.PatchNamespacedConfigMapWithHttpMessagesAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct)),
            (c, name, ns, uid, ct) => c.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, Options(uid), cancellationToken: ct)),
        ["v1/ServiceAccount"] = new(
            async (c, p, name, ns, manager, ct) => Outcome(await c.CoreV1.PatchNamespacedServiceAccountWithHttpMessagesAsync(p, name, ns, fieldManager: manager, force: true, cancellationToken: ct)),
            (c, name, ns, uid, ct) => c.CoreV1.DeleteNamespacedServiceAccountAsync(name, ns, Options(uid), cancellationToken: ct)),
    };

    public static Operations? Find(ManifestObject o) => Find(o.ApiVersion, o.Kind);

    public static Operations? Find(string apiVersion, string kind) => Known.GetValueOrDefault($"{apiVersion}/{kind}");

    public static string Supported => string.Join(", ", Known.Keys.Select(k => k[(k.LastIndexOf('/') + 1)..]));

    private static ApplyOutcome Outcome<T>(HttpOperationResponse<T> response)
        where T : IMetadata<V1ObjectMeta>
    {
        using (response)
        {
            return new ApplyOutcome(response.Response.StatusCode == HttpStatusCode.Created, response.Body?.Metadata?.Uid);
        }
    }

    private static V1DeleteOptions Options(string? uid) => new()
    {
        PropagationPolicy = Background,
        Preconditions = uid is null ? null : new V1Preconditions { Uid = uid },
    };
}
