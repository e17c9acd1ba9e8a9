namespace DemoConsole.Core.Cluster;

/// <summary>The runbook's part 4 claim "every service pod has its istio-proxy sidecar", with the exceptions named.</summary>
/// <param name="Missing">Pods that should have a sidecar and have none (injection failed, or the namespace is not labelled).</param>
/// <param name="OptedOut">Pods deliberately outside the mesh (sidecar.istio.io/inject: "false"), e.g. the databases.</param>
public sealed record SidecarCheck(bool Passed, int WithSidecar, IReadOnlyList<string> Missing, IReadOnlyList<string> OptedOut, string Detail)
{
    public static SidecarCheck Evaluate(IEnumerable<PodView> pods, string applicationNamespace)
    {
        var current = pods.Where(p => p.Namespace == applicationNamespace && !p.Terminating && p.Phase != "Succeeded").ToList();
        var with = current.Count(p => p.HasSidecar);
        var missing = current.Where(p => !p.HasSidecar && !p.SidecarOptOut).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var optedOut = current.Where(p => !p.HasSidecar && p.SidecarOptOut).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var excluded = optedOut.Count == 0 ? "" : $" ({optedOut.Count} outside the mesh by choice: {string.Join(", ", optedOut)})";
        var detail = current.Count == 0
            ? $"No pods in {applicationNamespace}."
            : missing.Count == 0
                ? $"{with} of {current.Count} pods in {applicationNamespace} have the istio-proxy sidecar{excluded}."
                : $"{missing.Count} pods in {applicationNamespace} lack the istio-proxy sidecar: {string.Join(", ", missing)}{excluded}.";
        return new SidecarCheck(current.Count > 0 && missing.Count == 0, with, missing, optedOut, detail);
    }
}
