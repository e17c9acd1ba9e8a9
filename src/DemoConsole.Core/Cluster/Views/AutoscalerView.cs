using System.Globalization;
using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>An HPA as kubectl shows it: "cpu: 3%/70%, memory: 24%/80%", replicas current/min/max.</summary>
public sealed record AutoscalerView(string Namespace, string Name, string ScaleTarget, string Targets, int CurrentReplicas, int DesiredReplicas, int MinReplicas, int MaxReplicas)
{
    public static AutoscalerView From(V2HorizontalPodAutoscaler hpa)
    {
        var current = hpa.Status?.CurrentMetrics ?? [];
        var targets = (hpa.Spec?.Metrics ?? []).Select(m =>
        {
            if (m.Type != "Resource" || m.Resource is null)
            {
                return $"{m.Type}: <unsupported>";
            }

            var now = current.FirstOrDefault(c => c.Resource?.Name == m.Resource.Name)?.Resource?.Current?.AverageUtilization;
            var target = m.Resource.Target?.AverageUtilization;
            return $"{m.Resource.Name}: {(now is null ? "<unknown>" : Percent(now.Value))}/{(target is null ? "?" : Percent(target.Value))}";
        });
        return new AutoscalerView(
            hpa.Metadata.NamespaceProperty ?? "",
            hpa.Metadata.Name,
            $"{hpa.Spec?.ScaleTargetRef?.Kind}/{hpa.Spec?.ScaleTargetRef?.Name}",
            string.Join(", ", targets),
            hpa.Status?.CurrentReplicas ?? 0,
            hpa.Status?.DesiredReplicas ?? 0,
            hpa.Spec?.MinReplicas ?? 1,
            hpa.Spec?.MaxReplicas ?? 0);
    }

    private static string Percent(int value) => value.ToString(CultureInfo.InvariantCulture) + "%";
}
