using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.Prometheus.PromQl;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Prometheus.Rules;

/// <summary>
/// The PrometheusRule objects of the sandbox's store as Prometheus rule groups, evaluated on a schedule. Re-read on
/// every round, so an applied or edited PrometheusRule takes effect like a reloaded rule file; state survives by
/// rule identity. Durations (interval, for, rate windows in the rule expressions) follow the sandbox's time scale.
/// </summary>
internal sealed class RuleManager(Cluster cluster, SampleStore store) : IAsyncDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ResendDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(20);
    private readonly Dictionary<string, AlertingRule> _rules = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private IReadOnlyList<RuleGroup> _groups = [];
    private PeriodicLoop? _loop;

    public void Start()
    {
        _loop = new PeriodicLoop(cluster.Time, Scaled(DefaultInterval), EvaluateAll, cluster.RecordFault);
        _loop.Start();
    }

    public IReadOnlyList<RuleGroup> Groups
    {
        get
        {
            lock (_lock)
            {
                return _groups;
            }
        }
    }

    /// <summary>One evaluation round of every group now (the loop calls it; tests drive it with a fake clock).</summary>
    public void EvaluateAll()
    {
        var groups = Load();
        var now = cluster.Now;
        foreach (var group in groups)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var interval = Scaled(group.Interval);
            var validFor = 4 * (interval > Scaled(ResendDelay) ? interval : Scaled(ResendDelay));
            foreach (var rule in group.Rules)
            {
                rule.Evaluate(Query, now, cluster.Scaled(rule.HoldDuration), validFor);
            }

            group.LastEvaluation = now;
            group.EvaluationSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        lock (_lock)
        {
            _groups = groups;
        }
    }

    public ValueTask DisposeAsync() => _loop?.DisposeAsync() ?? ValueTask.CompletedTask;

    private QueryValue Query(string query, long time) =>
        new Evaluator(store, cluster.TimeScale == 0 ? 1 : cluster.TimeScale).Instant(Parser.Parse(query), time);

    private TimeSpan Scaled(TimeSpan realistic)
    {
        var scaled = cluster.Scaled(realistic);
        return scaled < Floor ? Floor : scaled;
    }


    private List<RuleGroup> Load()
    {
        var groups = new List<RuleGroup>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in cluster.Store.List(ResourceTypes.PrometheusRules, null).Items)
        {
            var file = $"/etc/prometheus/rules/prometheus-kube-prometheus-stack-prometheus-rulefiles-0/{item.Namespace}-{item.Name}-{item.Uid}.yaml";
            foreach (var group in item.Node["spec"]?["groups"]?.AsArray() ?? [])
            {
                var groupName = (string?)group?["name"] ?? "";
                var interval = Durations.TryParse((string?)group?["interval"] ?? "", out var i) ? i : DefaultInterval;
                var rules = new List<AlertingRule>();
                foreach (var rule in group?["rules"]?.AsArray() ?? [])
                {
                    if ((string?)rule?["alert"] is not { } alert)
                    {
                        continue;
                    }

                    var expr = ((string?)rule["expr"] ?? "").Trim();
                    var hold = Durations.TryParse((string?)rule["for"] ?? "", out var f) ? f : TimeSpan.Zero;
                    var labels = Map(rule["labels"]);
                    var annotations = Map(rule["annotations"]);
                    var key = $"{file}|{groupName}|{alert}|{expr}|{hold}|{string.Join(",", labels)}|{string.Join(",", annotations)}";
                    seen.Add(key);
                    lock (_lock)
                    {
                        if (!_rules.TryGetValue(key, out var existing))
                        {
                            _rules[key] = existing = new AlertingRule(alert, expr, hold, labels, annotations);
                        }

                        rules.Add(existing);
                    }
                }

                groups.Add(new RuleGroup(groupName, file, interval, rules) { LastEvaluation = null });
            }
        }

        // A deleted or edited rule's old state goes with it, as when Prometheus reloads a changed rule file.
        lock (_lock)
        {
            foreach (var gone in _rules.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _rules.Remove(gone);
            }
        }

        return groups;
    }

    private static Dictionary<string, string> Map(JsonNode? node) =>
        node is JsonObject o ? o.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal) : [];
}
