using System.Runtime.CompilerServices;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>
/// Label sets derived during one query (grouping keys, names dropped, signatures), kept per expression node, purpose
/// and source set: a range query derives the same ones at every step, and building them is most of its cost.
/// Nodes are compared by reference (records compare by value, which would hash the whole subtree on every lookup).
/// </summary>
internal sealed class LabelCache
{
    private static readonly object NoName = new();
    private readonly Dictionary<Key, LabelSet> _derived = new(new KeyComparer());

    public LabelSet Derive(object node, string purpose, LabelSet source, Func<LabelSet, LabelSet> derive)
    {
        var key = new Key(node, purpose, source);
        if (!_derived.TryGetValue(key, out var result))
        {
            _derived[key] = result = derive(source);
        }

        return result;
    }

    public LabelSet WithoutName(LabelSet source) => Derive(NoName, "", source, s => s.WithoutName());

    private readonly record struct Key(object Node, string Purpose, LabelSet Source);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public bool Equals(Key x, Key y) =>
            ReferenceEquals(x.Node, y.Node) && string.Equals(x.Purpose, y.Purpose, StringComparison.Ordinal) && x.Source.Equals(y.Source);

        public int GetHashCode(Key key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Node), key.Purpose.Length, key.Source.GetHashCode());
    }
}
