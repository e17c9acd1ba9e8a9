using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster;

/// <summary>The runbook's part 4 claim "every service pod has its istio-proxy sidecar", with the exceptions named.</summary>
/// <param name="Missing">Pods that should have a sidecar and have none (injection failed, or the namespace is not labelled).</param>
/// <param name="OptedOut">Pods deliberately outside the mesh (sidecar.istio.io/inject: "false"), e.g. the databases.</param>
public sealed record SidecarCheck(bool Passed, int WithSidecar, IReadOnlyList<string> Missing, IReadOnlyList<string> OptedOut, UiMessage Detail)
{
    public static SidecarCheck Evaluate(IEnumerable<PodView> pods, string applicationNamespace)
    {
        var current = pods.Where(p => p.Namespace == applicationNamespace && !p.Terminating && p.Phase != "Succeeded").ToList();
        var with = current.Count(p => p.HasSidecar);
        var missing = current.Where(p => !p.HasSidecar && !p.SidecarOptOut).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var optedOut = current.Where(p => !p.HasSidecar && p.SidecarOptOut).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var excluded = optedOut.Count == 0 ? UiMessage.Verbatim("") : new UiMessage("Cluster_SidecarOptedOut", optedOut.Count, string.Join(", ", optedOut));
        var detail = current.Count == 0
            ? new UiMessage("Cluster_SidecarNoPods", applicationNamespace)
            : missing.Count == 0
                ? new UiMessage("Cluster_SidecarAll", with, current.Count, applicationNamespace, excluded)
                : new UiMessage("Cluster_SidecarMissing", missing.Count, applicationNamespace, string.Join(", ", missing), excluded);
        return new SidecarCheck(current.Count > 0 && missing.Count == 0, with, missing, optedOut, detail);
    }
}
