using System.Text.Json;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster;

/// <summary>A PeerAuthentication: its mTLS mode and whom it applies to.</summary>
/// <param name="Mode">STRICT, PERMISSIVE, DISABLE or UNSET (inherits).</param>
/// <param name="Scope">"namespace" for a policy without selector, otherwise the workload selector.</param>
public sealed record PeerAuthenticationView(string Namespace, string Name, string Mode, string Scope)
{
    public static PeerAuthenticationView From(CustomObject pa)
    {
        var mode = Json.String(pa.Spec, "mtls", "mode") ?? "UNSET";
        var labels = Json.Get(pa.Spec, "selector", "matchLabels");
        var scope = labels is { ValueKind: JsonValueKind.Object } l && l.EnumerateObject().Any()
            ? string.Join(",", l.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"))
            : "namespace";
        return new PeerAuthenticationView(pa.Metadata.NamespaceProperty ?? "", pa.Metadata.Name, mode, scope);
    }
}

/// <summary>The effective namespace-wide mTLS mode: the namespace's own policy, else the mesh-wide one in the root namespace.</summary>
/// <param name="Source">"titanium-prod/default", "mesh (istio-system/default)" or "none (Istio default PERMISSIVE)".</param>
public sealed record NamespaceMtls(string Namespace, string Mode, UiMessage Source)
{
    public bool IsStrict => Mode == "STRICT";

    public static IReadOnlyList<NamespaceMtls> Evaluate(IReadOnlyList<string> namespaces, IReadOnlyList<PeerAuthenticationView> policies, string rootNamespace = "istio-system")
    {
        var mesh = policies.FirstOrDefault(p => p.Namespace == rootNamespace && p.Scope == "namespace" && p.Mode != "UNSET");
        return namespaces.Select(ns =>
        {
            var own = policies.FirstOrDefault(p => p.Namespace == ns && p.Scope == "namespace" && p.Mode != "UNSET");
            return own is not null ? new NamespaceMtls(ns, own.Mode, UiMessage.Verbatim($"{own.Namespace}/{own.Name}"))
                : mesh is not null ? new NamespaceMtls(ns, mesh.Mode, new UiMessage("Cluster_MtlsMesh", $"{mesh.Namespace}/{mesh.Name}"))
                : new NamespaceMtls(ns, "PERMISSIVE", new UiMessage("Cluster_MtlsNone"));
        }).ToList();
    }
}

/// <summary>An Argo CD Application with its sync and health status.</summary>
/// <param name="Error">The first error condition (ComparisonError, SyncError, …) as "type: message"; null when there is none.</param>
public sealed record ArgoApplicationView(string Namespace, string Name, string Sync, string Health, string? Revision, string? RepoUrl, string? Path,
    string? DestinationNamespace, string? OperationPhase, string? Message, string? Error = null)
{
    public bool IsSyncedAndHealthy => Sync == "Synced" && Health == "Healthy";

    public static ArgoApplicationView From(CustomObject app) => new(
        app.Metadata.NamespaceProperty ?? "",
        app.Metadata.Name,
        Json.String(app.Status, "sync", "status") ?? "Unknown",
        Json.String(app.Status, "health", "status") ?? "Unknown",
        Json.String(app.Status, "sync", "revision"),
        Json.String(app.Spec, "source", "repoURL"),
        Json.String(app.Spec, "source", "path"),
        Json.String(app.Spec, "destination", "namespace"),
        Json.String(app.Status, "operationState", "phase"),
        Json.String(app.Status, "operationState", "message"),
        FirstError(app.Status));

    /// <summary>Argo CD counts a condition whose type ends in "Error" as an error (ApplicationCondition.IsError).</summary>
    private static string? FirstError(JsonElement status) =>
        Json.Get(status, "conditions") is { ValueKind: JsonValueKind.Array } conditions
            ? conditions.EnumerateArray()
                .Select(c => (Type: Json.String(c, "type"), Message: Json.String(c, "message")))
                .Where(c => c.Type?.EndsWith("Error", StringComparison.Ordinal) == true)
                .Select(c => $"{c.Type}: {c.Message}")
                .FirstOrDefault()
            : null;
}

/// <summary>Small reads into the JSON of custom resources.</summary>
internal static class Json
{
    public static JsonElement? Get(JsonElement root, params string[] path)
    {
        var current = root;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string? String(JsonElement root, params string[] path) =>
        Get(root, path) is { } e ? e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            _ => null,
        } : null;
}
