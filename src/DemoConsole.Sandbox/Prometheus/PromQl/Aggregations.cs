using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>sum/avg/max/min/count/group by or without labels, with Prometheus 2.42's arithmetic (incremental mean for avg).</summary>
internal static class Aggregations
{
    public static List<Sample> Apply(Aggregate aggregate, IReadOnlyList<Sample> input, LabelCache cache)
    {
        var groups = new Dictionary<LabelSet, Group>();
        var order = new List<LabelSet>();
        var without = aggregate.Grouping.Append(LabelSet.MetricName).ToHashSet(StringComparer.Ordinal);
        var by = aggregate.Grouping.ToHashSet(StringComparer.Ordinal);
        foreach (var sample in input)
        {
            var key = cache.Derive(aggregate, "group", sample.Labels, l => aggregate.Without ? l.Without(without) : l.Keep(by));
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = new Group { Value = sample.Value, Mean = sample.Value, Count = 1 };
                order.Add(key);
                continue;
            }

            group.Count++;
            switch (aggregate.Op)
            {
                case "sum":
                    group.Value += sample.Value;
                    break;
                case "avg":
                    group.Mean += (sample.Value / group.Count) - (group.Mean / group.Count);
                    break;
                case "max":
                    if (group.Value < sample.Value || double.IsNaN(group.Value))
                    {
                        group.Value = sample.Value;
                    }

                    break;
                case "min":
                    if (group.Value > sample.Value || double.IsNaN(group.Value))
                    {
                        group.Value = sample.Value;
                    }

                    break;
            }
        }

        return order.Select(key =>
        {
            var group = groups[key];
            var value = aggregate.Op switch
            {
                "avg" => group.Mean,
                "count" => group.Count,
                "group" => 1,
                _ => group.Value,
            };
            return new Sample(key, value);
        }).ToList();
    }

    private sealed class Group
    {
        public double Value;
        public double Mean;
        public int Count;
    }
}
