using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>A NetworkPolicy in words: which pods it selects and what traffic it lets in and out.</summary>
/// <param name="Ingress">One sentence per ingress rule; "nothing (deny all)" when the policy isolates ingress with no rule.</param>
/// <param name="Egress">Likewise for egress; empty when the policy does not govern egress.</param>
public sealed record NetworkPolicyView(string Namespace, string Name, string PodSelector, IReadOnlyList<string> PolicyTypes, IReadOnlyList<string> Ingress, IReadOnlyList<string> Egress)
{
    public static NetworkPolicyView From(V1NetworkPolicy policy)
    {
        var spec = policy.Spec;
        var types = spec?.PolicyTypes?.ToList() ?? (spec?.Egress is { Count: > 0 } ? ["Ingress", "Egress"] : ["Ingress"]);
        var ingress = types.Contains("Ingress")
            ? Rules(spec?.Ingress?.Select(r => ("from", r.FromProperty, r.Ports)))
            : [];
        var egress = types.Contains("Egress")
            ? Rules(spec?.Egress?.Select(r => ("to", r.To, r.Ports)))
            : [];
        return new NetworkPolicyView(policy.Metadata.NamespaceProperty ?? "", policy.Metadata.Name, Selector(spec?.PodSelector, "all pods"), types, ingress, egress);
    }

    private static List<string> Rules(IEnumerable<(string Direction, IList<V1NetworkPolicyPeer> Peers, IList<V1NetworkPolicyPort> Ports)>? rules)
    {
        var list = rules?.ToList() ?? [];
        if (list.Count == 0)
        {
            return ["nothing (deny all)"];
        }

        return list.Select(r =>
        {
            var peers = r.Peers is { Count: > 0 } ? string.Join(" or ", r.Peers.Select(Peer)) : "anywhere";
            var ports = r.Ports is { Count: > 0 } ? " on " + string.Join(", ", r.Ports.Select(p => $"{p.Protocol ?? "TCP"}/{p.Port?.Value ?? "any"}")) : " on any port";
            return $"{r.Direction} {peers}{ports}";
        }).ToList();
    }

    private static string Peer(V1NetworkPolicyPeer peer)
    {
        if (peer.IpBlock is { } block)
        {
            return $"addresses {block.Cidr}";
        }

        var ns = peer.NamespaceSelector is null ? null
            : peer.NamespaceSelector.MatchLabels?.TryGetValue("kubernetes.io/metadata.name", out var name) == true && peer.NamespaceSelector.MatchLabels.Count == 1
                ? $"namespace {name}"
                : $"namespaces {Selector(peer.NamespaceSelector, "(all)")}";
        var pods = peer.PodSelector is null ? null : $"pods {Selector(peer.PodSelector, "(all)")}";
        return (ns, pods) switch
        {
            (null, null) => "anywhere",
            (null, _) => pods + " in this namespace",
            (_, null) => ns,
            _ => $"{pods} in {ns}",
        };
    }

    internal static string Selector(V1LabelSelector? selector, string empty)
    {
        var parts = (selector?.MatchLabels ?? new Dictionary<string, string>()).Select(kv => $"{kv.Key}={kv.Value}")
            .Concat((selector?.MatchExpressions ?? []).Select(e => $"{e.Key} {e.OperatorProperty} ({string.Join(",", e.Values ?? [])})"))
            .ToList();
        return parts.Count == 0 ? empty : string.Join(",", parts);
    }
}
