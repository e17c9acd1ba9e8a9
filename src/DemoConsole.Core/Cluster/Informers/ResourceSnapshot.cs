using System.Collections.Immutable;

namespace DemoConsole.Core.Cluster;

/// <summary>An immutable copy of what an informer knows: the objects by name, how its link stands, and a version that grows with every change.</summary>
public sealed record ResourceSnapshot<T>(ImmutableSortedDictionary<string, T> Items, ConnectionStatus Status, long Version)
{
    /// <summary>True once a list has succeeded at least once (the items are real, possibly stale while reconnecting).</summary>
    public bool Synced { get; init; }
}
