using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Observability;

/// <summary>
/// One round of the Golden Signals: one range query per named query over the window, ending now. The tiles read the
/// newest point of each series, so a round costs one query per signal, not two.
/// </summary>
public static class GoldenSignalsReader
{
    private static readonly string[] Names =
    [
        MetricQueries.LatencyP50, MetricQueries.LatencyP95, MetricQueries.LatencyP99, MetricQueries.TrafficByService,
        MetricQueries.Errors4xxPercent, MetricQueries.Errors5xxPercent, MetricQueries.RequestsByCode, MetricQueries.CpuByPod, MetricQueries.MemoryByPod,
    ];

    /// <summary>About sixty points per chart whatever the window.</summary>
    public static TimeSpan StepFor(TimeSpan window) => TimeSpan.FromSeconds(Math.Max(1, Math.Round(window.TotalSeconds / 60)));

    public static async Task<GoldenSignalsSnapshot> ReadAsync(
        IMetricsClient client, ScenarioMetrics metrics, string applicationNamespace, TimeSpan window, GoldenSignalsSnapshot previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var step = StepFor(window);
        var from = now - window;
        var calls = Names.Select(name => client.QueryRangeAsync(
            MetricQueries.Render(metrics.Template(name), applicationNamespace, metrics.RateWindow), from, now, step, cancellationToken)).ToList();
        var results = await Task.WhenAll(calls);
        var health = MetricsHealth.After(results.Select(r => r.Error), previous.Health, now);
        if (health.IsDown)
        {
            // Keep the last picture on screen, marked stale by the health, rather than blanking the charts.
            return previous with { Health = health, Version = previous.Version + 1 };
        }

        var series = new Dictionary<string, IReadOnlyList<MetricSeries>>(StringComparer.Ordinal);
        var problems = new Dictionary<string, UiMessage>(StringComparer.Ordinal);
        for (var i = 0; i < Names.Length; i++)
        {
            if (results[i].Succeeded)
            {
                series[Names[i]] = results[i].Value!;
            }
            else
            {
                problems[Names[i]] = results[i].Error!.Message;
            }
        }

        // A point older than two steps is not "now": the series went quiet (no traffic), it is not zero.
        var fresh = now - step - step;
        double? Latest(string name, MetricSeries s) =>
            s.Points.Count > 0 && s.Points[^1].Time >= fresh && double.IsFinite(s.Points[^1].Value) ? s.Points[^1].Value : null;
        double? Single(string name) =>
            series.TryGetValue(name, out var list) ? list.Select(s => Latest(name, s)).FirstOrDefault(v => v is not null) : null;
        List<LabelledValue> By(string name, string label, Func<double, SignalLevel>? judge = null) =>
            series.TryGetValue(name, out var list)
                ? list.Select(s => (Label: s.Label(label), Value: Latest(name, s)))
                    .Where(x => x.Value is not null)
                    .Select(x => new LabelledValue(x.Label.Length > 0 ? x.Label : "-", x.Value!.Value, judge?.Invoke(x.Value!.Value) ?? SignalLevel.Normal))
                    .OrderByDescending(x => x.Value).ThenBy(x => x.Label, StringComparer.Ordinal).ToList()
                : [];

        var t = metrics.Thresholds;
        var rps = By(MetricQueries.TrafficByService, "destination_service_name");
        var cpu = By(MetricQueries.CpuByPod, "pod", v => t.Cpu.Judge(v));
        var p50 = Single(MetricQueries.LatencyP50);
        var p95 = Single(MetricQueries.LatencyP95);
        var p99 = Single(MetricQueries.LatencyP99);
        var e4 = Single(MetricQueries.Errors4xxPercent);
        var e5 = Single(MetricQueries.Errors5xxPercent);
        var cpuMax = cpu.Count > 0 ? cpu.Max(c => c.Value) : (double?)null;
        var perWindow = metrics.RateWindow.TotalSeconds;
        return new GoldenSignalsSnapshot
        {
            Health = health,
            Window = window,
            From = from,
            To = now,
            P50 = new SignalValue(p50, p50 is null ? SignalLevel.NoData : SignalLevel.Normal),
            P95 = new SignalValue(p95, t.LatencyP95.Judge(p95)),
            P99 = new SignalValue(p99, t.LatencyP99.Judge(p99)),
            TotalRps = rps.Count > 0 ? rps.Sum(r => r.Value) : null,
            RpsByService = rps,
            Errors4xx = new SignalValue(e4, t.Errors4xx.Judge(e4)),
            Errors5xx = new SignalValue(e5, t.Errors5xx.Judge(e5)),
            RequestsByCode = By(MetricQueries.RequestsByCode, "response_code").Select(c => c with { Value = Math.Round(c.Value * perWindow, 1) }).ToList(),
            CpuMax = new SignalValue(cpuMax, t.Cpu.Judge(cpuMax)),
            CpuByPod = cpu,
            MemoryByPod = By(MetricQueries.MemoryByPod, "pod"),
            Series = series,
            QueryProblems = problems,
            Version = previous.Version + 1,
        };
    }
}
