using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>
/// Binary operators between scalars and vectors with Prometheus's rules: one-to-one vector matching (on/ignoring),
/// comparisons filter (or give 0/1 with bool), arithmetic and bool drop the metric name, and/or/unless by signature.
/// </summary>
internal static class BinaryOps
{
    public static QueryValue Apply(Binary binary, QueryValue left, QueryValue right, LabelCache cache)
    {
        if (left.Kind == ValueKind.Scalar && right.Kind == ValueKind.Scalar)
        {
            var (value, keep) = Element(binary.Op, left.Scalar, right.Scalar);
            return QueryValue.OfScalar(binary.IsComparison ? (keep ? 1 : 0) : value);
        }

        if (binary.IsSetOperator)
        {
            return QueryValue.OfVector(SetOperation(binary, left.Vector!, right.Vector!, cache));
        }

        if (left.Kind == ValueKind.Vector && right.Kind == ValueKind.Vector)
        {
            return QueryValue.OfVector(VectorVector(binary, left.Vector!, right.Vector!, cache));
        }

        return left.Kind == ValueKind.Vector
            ? QueryValue.OfVector(VectorScalar(binary, left.Vector!, right.Scalar, swap: false, cache))
            : QueryValue.OfVector(VectorScalar(binary, right.Vector!, left.Scalar, swap: true, cache));
    }

    private static List<Sample> VectorScalar(Binary binary, IReadOnlyList<Sample> vector, double scalar, bool swap, LabelCache cache)
    {
        var output = new List<Sample>();
        foreach (var sample in vector)
        {
            var (l, r) = swap ? (scalar, sample.Value) : (sample.Value, scalar);
            var (value, keep) = Element(binary.Op, l, r);
            if (binary.IsComparison && swap)
            {
                value = r;
            }

            if (binary.ReturnBool)
            {
                value = keep ? 1 : 0;
                keep = true;
            }

            if (keep)
            {
                output.Add(new Sample(!binary.IsComparison || binary.ReturnBool ? cache.WithoutName(sample.Labels) : sample.Labels, value));
            }
        }

        return output;
    }

    private static List<Sample> VectorVector(Binary binary, IReadOnlyList<Sample> left, IReadOnlyList<Sample> right, LabelCache cache)
    {
        var matching = binary.Matching;
        var rightBySignature = new Dictionary<LabelSet, Sample>();
        foreach (var sample in right)
        {
            var signature = Signature(sample.Labels, matching, binary, cache);
            if (!rightBySignature.TryAdd(signature, sample))
            {
                throw new PromQlException(
                    $"found duplicate series for the match group {signature} on the right hand-side of the operation: [{sample.Labels}, {rightBySignature[signature].Labels}];many-to-many matching not allowed: matching labels must be unique on one side",
                    "execution");
            }
        }

        var output = new List<Sample>();
        var produced = new HashSet<LabelSet>();
        foreach (var sample in left)
        {
            if (!rightBySignature.TryGetValue(Signature(sample.Labels, matching, binary, cache), out var other))
            {
                continue;
            }

            var (value, keep) = Element(binary.Op, sample.Value, other.Value);
            if (binary.ReturnBool)
            {
                value = keep ? 1 : 0;
            }
            else if (!keep)
            {
                continue;
            }

            var labels = cache.Derive(binary, "result", sample.Labels, l =>
            {
                var result = !binary.IsComparison || binary.ReturnBool ? l.WithoutName() : l;
                return matching.On ? result.Keep(matching.Labels.ToHashSet(StringComparer.Ordinal)) : result.Without(matching.Labels.ToHashSet(StringComparer.Ordinal));
            });
            if (!produced.Add(labels))
            {
                throw new PromQlException("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)", "execution");
            }

            output.Add(new Sample(labels, value));
        }

        return output;
    }

    private static List<Sample> SetOperation(Binary binary, IReadOnlyList<Sample> left, IReadOnlyList<Sample> right, LabelCache cache)
    {
        var rightSignatures = right.Select(s => Signature(s.Labels, binary.Matching, binary, cache)).ToHashSet();
        switch (binary.Op)
        {
            case "and":
                return left.Where(s => rightSignatures.Contains(Signature(s.Labels, binary.Matching, binary, cache))).ToList();
            case "unless":
                return left.Where(s => !rightSignatures.Contains(Signature(s.Labels, binary.Matching, binary, cache))).ToList();
            default:
                var leftSignatures = left.Select(s => Signature(s.Labels, binary.Matching, binary, cache)).ToHashSet();
                return left.Concat(right.Where(s => !leftSignatures.Contains(Signature(s.Labels, binary.Matching, binary, cache)))).ToList();
        }
    }

    private static LabelSet Signature(LabelSet labels, VectorMatching matching, Binary binary, LabelCache cache) =>
        cache.Derive(binary, "signature", labels, l => matching.On
            ? l.Keep(matching.Labels.ToHashSet(StringComparer.Ordinal))
            : l.Without(matching.Labels.Append(LabelSet.MetricName).ToHashSet(StringComparer.Ordinal)));

    /// <summary>Go's vectorElemBinop: arithmetic gives (result, true); a comparison gives (left, holds).</summary>
    private static (double Value, bool Keep) Element(string op, double l, double r) => op switch
    {
        "+" => (l + r, true),
        "-" => (l - r, true),
        "*" => (l * r, true),
        "/" => (l / r, true),
        "%" => (l % r, true),
        "^" => (Math.Pow(l, r), true),
        "==" => (l, l == r),
        "!=" => (l, l != r),
        ">" => (l, l > r),
        "<" => (l, l < r),
        ">=" => (l, l >= r),
        "<=" => (l, l <= r),
        _ => throw PromQlException.Unsupported($"operator \"{op}\""),
    };
}
