using DemoConsole.Core.Messages;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>Label selectors in the query-string form the API takes (<c>app=blog,tier in (web)</c>).</summary>
internal static class LabelSelectors
{
    public static string ToQuery(V1LabelSelector? selector, string? extra = null)
    {
        var parts = new List<string>();
        if (selector?.MatchLabels is { } labels)
        {
            parts.AddRange(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        }

        foreach (var e in selector?.MatchExpressions ?? [])
        {
            var values = string.Join(",", e.Values ?? []);
            parts.Add(e.OperatorProperty switch
            {
                "In" => $"{e.Key} in ({values})",
                "NotIn" => $"{e.Key} notin ({values})",
                "Exists" => e.Key,
                "DoesNotExist" => "!" + e.Key,
                _ => throw new ClusterActionException(new UiMessage("Cluster_UnknownSelectorOperator", e.OperatorProperty)),
            });
        }

        if (extra is { Length: > 0 })
        {
            parts.Add(extra);
        }

        return string.Join(",", parts);
    }
}
