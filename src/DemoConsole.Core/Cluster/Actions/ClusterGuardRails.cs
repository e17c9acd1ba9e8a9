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
    public string? CheckNamespace(string ns) => ns.Length == 0
        ? "The action names no namespace and the scenario declares no application namespace."
        : AllowedNamespaces.Contains(ns, StringComparer.Ordinal)
            ? null
            : $"Namespace '{ns}' is not allow-listed for cluster actions (allowed: {(AllowedNamespaces.Count > 0 ? string.Join(", ", AllowedNamespaces) : "none")}).";

    /// <summary>
    /// Null when the workload may be disrupted, otherwise the refusal: StatefulSets, and anything whose name or
    /// label values look like a database, unless the options explicitly allow protected workloads.
    /// </summary>
    public string? CheckWorkload(string kind, string name, IEnumerable<KeyValuePair<string, string>>? labels = null)
    {
        if (options.AllowProtectedWorkloads)
        {
            return null;
        }

        if (string.Equals(kind, "StatefulSet", StringComparison.Ordinal))
        {
            return $"{kind} '{name}' is protected: StatefulSets hold state (allow protected workloads in the options to override).";
        }

        var word = ProtectedWord(name) ?? labels?.Select(l => ProtectedWord(l.Value)).FirstOrDefault(w => w is not null);
        return word is null
            ? null
            : $"{kind} '{name}' is protected: it looks like a database ('{word}') (allow protected workloads in the options to override).";
    }

    private string? ProtectedWord(string? text) =>
        text is null ? null : options.ProtectedWords.FirstOrDefault(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
