using DemoConsole.Core.Messages;
using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>A NetworkPolicy in words: which pods it selects and what traffic it lets in and out.</summary>
/// <param name="PodSelector">The selector as kubectl shows it ("app=blog"), or "all pods" when it is empty.</param>
/// <param name="Ingress">One sentence per ingress rule; "nothing (deny all)" when the policy isolates ingress with no rule.</param>
/// <param name="Egress">Likewise for egress; empty when the policy does not govern egress.</param>
public sealed record NetworkPolicyView(string Namespace, string Name, UiMessage PodSelector, IReadOnlyList<string> PolicyTypes, IReadOnlyList<UiMessage> Ingress, IReadOnlyList<UiMessage> Egress)
{
    public static NetworkPolicyView From(V1NetworkPolicy policy)
    {
        var spec = policy.Spec;
        var types = spec?.PolicyTypes?.ToList() ?? (spec?.Egress is { Count: > 0 } ? ["Ingress", "Egress"] : ["Ingress"]);
        var ingress = types.Contains("Ingress")
            ? Rules("Cluster_PolicyFrom", spec?.Ingress?.Select(r => (r.FromProperty, r.Ports)))
            : [];
        var egress = types.Contains("Egress")
            ? Rules("Cluster_PolicyTo", spec?.Egress?.Select(r => (r.To, r.Ports)))
            : [];
        return new NetworkPolicyView(policy.Metadata.NamespaceProperty ?? "", policy.Metadata.Name,
            Selector(spec?.PodSelector, "Cluster_SelectorAllPods"), types, ingress, egress);
    }

    /// <param name="direction">The key of "from {0} on {1}" or "to {0} on {1}".</param>
    private static List<UiMessage> Rules(string direction, IEnumerable<(IList<V1NetworkPolicyPeer> Peers, IList<V1NetworkPolicyPort> Ports)>? rules)
    {
        var list = rules?.ToList() ?? [];
        if (list.Count == 0)
        {
            return [new UiMessage("Cluster_PolicyDenyAll")];
        }

        return list.Select(r =>
        {
            var peers = r.Peers is { Count: > 0 }
                ? r.Peers.Select(Peer).Aggregate((a, b) => new UiMessage("Cluster_PolicyOr", a, b))
                : new UiMessage("Cluster_PeerAnywhere");
            var ports = r.Ports is { Count: > 0 }
                ? UiMessage.Verbatim(string.Join(", ", r.Ports.Select(p => $"{p.Protocol ?? "TCP"}/{p.Port?.Value ?? "any"}")))
                : new UiMessage("Cluster_PolicyAnyPort");
            return new UiMessage(direction, peers, ports);
        }).ToList();
    }

    private static UiMessage Peer(V1NetworkPolicyPeer peer)
    {
        if (peer.IpBlock is { } block)
        {
            return new UiMessage("Cluster_PeerAddresses", block.Cidr);
        }

        var ns = peer.NamespaceSelector is null ? null
            : peer.NamespaceSelector.MatchLabels?.TryGetValue("kubernetes.io/metadata.name", out var name) == true && peer.NamespaceSelector.MatchLabels.Count == 1
                ? new UiMessage("Cluster_PeerNamespace", name)
                : new UiMessage("Cluster_PeerNamespaces", Selector(peer.NamespaceSelector, "Cluster_SelectorAll"));
        var pods = peer.PodSelector is null ? null : Selector(peer.PodSelector, "Cluster_SelectorAll");
        return (ns, pods) switch
        {
            (null, null) => new UiMessage("Cluster_PeerAnywhere"),
            (null, _) => new UiMessage("Cluster_PeerPodsHere", pods),
            (_, null) => ns,
            _ => new UiMessage("Cluster_PeerPodsIn", pods, ns),
        };
    }

    /// <summary>The selector as kubectl writes it, or the message <paramref name="emptyKey"/> when it selects everything.</summary>
    internal static UiMessage Selector(V1LabelSelector? selector, string emptyKey)
    {
        var parts = (selector?.MatchLabels ?? new Dictionary<string, string>()).Select(kv => $"{kv.Key}={kv.Value}")
            .Concat((selector?.MatchExpressions ?? []).Select(e => $"{e.Key} {e.OperatorProperty} ({string.Join(",", e.Values ?? [])})"))
            .ToList();
        return parts.Count == 0 ? new UiMessage(emptyKey) : UiMessage.Verbatim(string.Join(",", parts));
    }
}
