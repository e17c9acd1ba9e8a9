using System.Collections.Frozen;
using DemoConsole.Core.Actions.Load;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Cluster.Faults;
using DemoConsole.Core.Pipeline;

namespace DemoConsole.Core.Actions.Kinds;

/// <summary>
/// The action kinds of this console, one line each: the scenario parser and <c>check</c> read their parameters from
/// here, and <see cref="ActionKindsServiceCollectionExtensions.AddActionKinds"/> registers each one's handler.
/// </summary>
public static class ActionKindCatalog
{
    public static IReadOnlyList<ActionKindDescriptor> All { get; } =
    [
        LoadKinds.LoadBurst,
        LoadKinds.RequestSequence,
        LoadKinds.SteadyTraffic,
        PodKillKind.Descriptor,
        RolloutKinds.Restart,
        RolloutKinds.Undo,
        ManifestActionKinds.Apply,
        ManifestActionKinds.Delete,
        DemoCommitKind.Descriptor,
        FaultKinds.Inject,
        FaultKinds.Clear,
    ];

    private static readonly FrozenDictionary<string, ActionKindDescriptor> ByName = All.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    public static ActionKindDescriptor? Find(string name) => ByName.GetValueOrDefault(name);

    public static IEnumerable<string> Names => All.Select(k => k.Name);
}
