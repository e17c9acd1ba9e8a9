using System.Globalization;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>
/// histogram_quantile over classic buckets, as Prometheus 2.42's bucketQuantile: buckets grouped by every label but
/// <c>le</c>, sorted, duplicates merged, made monotonic, then linear interpolation inside the bucket holding the rank.
/// </summary>
internal static class HistogramQuantile
{
    private static readonly object Bucket = new();

    public static List<Sample> Apply(double q, IReadOnlyList<Sample> input, LabelCache cache)
    {
        var groups = new Dictionary<LabelSet, (LabelSet Output, List<(double Upper, double Count)> Buckets)>();
        foreach (var sample in input)
        {
            if (!double.TryParse(sample.Labels.Get("le"), NumberStyles.Float, CultureInfo.InvariantCulture, out var upper)
                && !TryInfinity(sample.Labels.Get("le"), out upper))
            {
                continue;
            }

            var key = cache.Derive(Bucket, "bucket", sample.Labels, l => l.Without(["le"]));
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (cache.WithoutName(key), []);
            }

            group.Buckets.Add((upper, sample.Value));
        }

        return groups.Values.Select(g => new Sample(g.Output, Quantile(q, g.Buckets))).ToList();
    }

    public static double Quantile(double q, List<(double Upper, double Count)> buckets)
    {
        if (double.IsNaN(q))
        {
            return double.NaN;
        }

        if (q < 0)
        {
            return double.NegativeInfinity;
        }

        if (q > 1)
        {
            return double.PositiveInfinity;
        }

        buckets.Sort((a, b) => a.Upper.CompareTo(b.Upper));
        if (!double.IsPositiveInfinity(buckets[^1].Upper))
        {
            return double.NaN;
        }

        buckets = Coalesce(buckets);
        var max = double.NegativeInfinity;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i].Count > max)
            {
                max = buckets[i].Count;
            }
            else if (buckets[i].Count < max)
            {
                buckets[i] = (buckets[i].Upper, max);
            }
        }

        if (buckets.Count < 2)
        {
            return double.NaN;
        }

        var observations = buckets[^1].Count;
        if (observations == 0)
        {
            return double.NaN;
        }

        var rank = q * observations;
        var b = 0;
        while (b < buckets.Count - 1 && !(buckets[b].Count >= rank))
        {
            b++;
        }

        if (b == buckets.Count - 1)
        {
            return buckets[^2].Upper;
        }

        if (b == 0 && buckets[0].Upper <= 0)
        {
            return buckets[0].Upper;
        }

        var bucketStart = 0.0;
        var bucketEnd = buckets[b].Upper;
        var count = buckets[b].Count;
        if (b > 0)
        {
            bucketStart = buckets[b - 1].Upper;
            count -= buckets[b - 1].Count;
            rank -= buckets[b - 1].Count;
        }

        return bucketStart + ((bucketEnd - bucketStart) * (rank / count));
    }

    private static List<(double Upper, double Count)> Coalesce(List<(double Upper, double Count)> buckets)
    {
        var merged = new List<(double Upper, double Count)> { buckets[0] };
        foreach (var bucket in buckets.Skip(1))
        {
            if (bucket.Upper == merged[^1].Upper)
            {
                merged[^1] = (bucket.Upper, merged[^1].Count + bucket.Count);
            }
            else
            {
                merged.Add(bucket);
            }
        }

        return merged;
    }

    private static bool TryInfinity(string text, out double value)
    {
        value = text switch { "+Inf" or "Inf" or "+inf" or "inf" => double.PositiveInfinity, "-Inf" => double.NegativeInfinity, _ => double.NaN };
        return !double.IsNaN(value);
    }
}
