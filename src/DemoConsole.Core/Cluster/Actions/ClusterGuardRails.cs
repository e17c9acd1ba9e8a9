using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// The checks every cluster action shares: which namespaces may be touched and which workloads are protected.
/// Pure and cheap, so the executor can ask them on every screen render as well as right before a write.
/// </summary>
public sealed class ClusterGuardRails(ClusterActionOptions options, IScenarioSource scenarios)
{
    public ClusterActionOptions Options => options;

    /// <summary>The namespace an action means when it names none: the scenario's application namespace ("" when it declares none).</summary>
    public string DefaultNamespace => scenarios.Current.Scenario.Targets.ApplicationNamespace?.Trim() ?? "";

    /// <summary>The allow-list in force: the configured one, else the scenario's application namespace alone.</summary>
    public IReadOnlyList<string> AllowedNamespaces =>
        options.AllowedNamespaces.Count > 0 ? options.AllowedNamespaces : DefaultNamespace.Length > 0 ? [DefaultNamespace] : [];

    /// <summary>The action's <c>namespace</c> parameter, or the default one.</summary>
    public string NamespaceOf(ActionDefinition action) => PodKillKind.Namespace.Text(action) ?? DefaultNamespace;

    /// <summary>Null when <paramref name="ns"/> is allow-listed, otherwise the refusal.</summary>
    public UiMessage? CheckNamespace(string ns) => ns.Length == 0
        ? new UiMessage("Cluster_NoNamespace")
        : AllowedNamespaces.Contains(ns, StringComparer.Ordinal)
            ? null
            : new UiMessage("Cluster_NamespaceNotAllowed", ns, AllowedNamespaces.Count > 0 ? UiMessage.Verbatim(string.Join(", ", AllowedNamespaces)) : new UiMessage("Cluster_None"));

    /// <summary>
    /// Null when the workload may be disrupted, otherwise the refusal: StatefulSets, and anything whose name or
    /// label values look like a database, unless the options explicitly allow protected workloads.
    /// </summary>
    public UiMessage? CheckWorkload(string kind, string name, IEnumerable<KeyValuePair<string, string>>? labels = null)
    {
        if (options.AllowProtectedWorkloads)
        {
            return null;
        }

        if (string.Equals(kind, "StatefulSet", StringComparison.Ordinal))
        {
            return new UiMessage("Cluster_ProtectedStatefulSet", kind, name);
        }

        var word = ProtectedWord(name) ?? labels?.Select(l => ProtectedWord(l.Value)).FirstOrDefault(w => w is not null);
        return word is null
            ? null
            : new UiMessage("Cluster_ProtectedDatabase", kind, name, word);
    }

    private string? ProtectedWord(string? text) =>
        text is null ? null : options.ProtectedWords.FirstOrDefault(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
