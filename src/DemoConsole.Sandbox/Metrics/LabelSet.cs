using System.Text;

namespace DemoConsole.Sandbox.Metrics;

/// <summary>
/// An immutable label set sorted by name, the identity of one time series (the metric name is the
/// <c>__name__</c> label, as in Prometheus). Equality and ordering follow Prometheus's labels.Compare.
/// </summary>
internal sealed class LabelSet : IEquatable<LabelSet>, IComparable<LabelSet>
{
    public const string MetricName = "__name__";

    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly int _hash;

    private LabelSet(KeyValuePair<string, string>[] sortedPairs)
    {
        _pairs = sortedPairs;
        var hash = new HashCode();
        foreach (var (name, value) in _pairs)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    public static LabelSet Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public int Count => _pairs.Length;

    /// <summary>Builds a set; empty values are dropped, as Prometheus treats an empty label as absent.</summary>
    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (value.Length > 0)
            {
                map[name] = value;
            }
        }

        return new LabelSet(map.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
    }

    public static LabelSet Of(params (string Name, string Value)[] pairs) =>
        From(pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));

    /// <summary>The value of a label, "" when absent (Prometheus's convention for matchers).</summary>
    public string Get(string name)
    {
        foreach (var (key, value) in _pairs)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return "";
    }

    public string Name => Get(MetricName);

    public LabelSet Without(IReadOnlyCollection<string> names) =>
        new(_pairs.Where(p => !names.Contains(p.Key)).ToArray());

    public LabelSet Keep(IReadOnlyCollection<string> names) =>
        new(_pairs.Where(p => names.Contains(p.Key)).ToArray());

    public LabelSet WithoutName() => Get(MetricName).Length == 0 ? this : Without([MetricName]);

    public LabelSet With(string name, string value) =>
        From(_pairs.Where(p => p.Key != name).Append(new KeyValuePair<string, string>(name, value)));

    public LabelSet Merge(IEnumerable<KeyValuePair<string, string>> overrides) =>
        From(_pairs.Concat(overrides));

    public bool Equals(LabelSet? other)
    {
        if (other is null || other._hash != _hash || other._pairs.Length != _pairs.Length)
        {
            return false;
        }

        for (var i = 0; i < _pairs.Length; i++)
        {
            if (!string.Equals(_pairs[i].Key, other._pairs[i].Key, StringComparison.Ordinal)
                || !string.Equals(_pairs[i].Value, other._pairs[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is LabelSet other && Equals(other);

    public override int GetHashCode() => _hash;

    public int CompareTo(LabelSet? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Min(_pairs.Length, other._pairs.Length); i++)
        {
            var byName = string.CompareOrdinal(_pairs[i].Key, other._pairs[i].Key);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = string.CompareOrdinal(_pairs[i].Value, other._pairs[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return _pairs.Length.CompareTo(other._pairs.Length);
    }

    /// <summary>Prometheus notation: <c>name{a="b",c="d"}</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Name).Append('{');
        var first = true;
        foreach (var (name, value) in _pairs.Where(p => p.Key != MetricName))
        {
            text.Append(first ? "" : ", ").Append(name).Append("=\"").Append(Escape(value)).Append('"');
            first = false;
        }

        return text.Append('}').ToString();
    }

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
