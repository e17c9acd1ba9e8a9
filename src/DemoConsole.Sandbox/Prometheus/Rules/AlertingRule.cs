using DemoConsole.Sandbox.Metrics;
using DemoConsole.Sandbox.Prometheus.PromQl;

namespace DemoConsole.Sandbox.Prometheus.Rules;

/// <summary>
/// One alerting rule and its alerts, evaluated like Prometheus's AlertingRule.Eval: a new label set is pending, it
/// fires once it has been active for the <c>for</c> duration, a pending alert that vanishes is dropped, a firing one
/// is resolved (kept 15 minutes so Alertmanager hears of it, never shown as active).
/// </summary>
internal sealed class AlertingRule(string name, string query, TimeSpan holdDuration, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations)
{
    private static readonly TimeSpan ResolvedRetention = TimeSpan.FromMinutes(15);
    private readonly Dictionary<LabelSet, AlertInstance> _active = [];
    private readonly Lock _lock = new();

    public string Name => name;

    public string Query => query;

    public TimeSpan HoldDuration => holdDuration;

    public IReadOnlyDictionary<string, string> Labels => labels;

    public IReadOnlyDictionary<string, string> Annotations => annotations;

    public string? LastError { get; private set; }

    public DateTimeOffset? LastEvaluation { get; private set; }

    public double EvaluationSeconds { get; private set; }

    /// <summary>Evaluates the rule at <paramref name="now"/>; durations (for, resend) are already scaled to the sandbox clock.</summary>
    public void Evaluate(Func<string, long, QueryValue> query, DateTimeOffset now, TimeSpan scaledHold, TimeSpan validFor)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        QueryValue result;
        try
        {
            result = query(Query, now.ToUnixTimeMilliseconds());
            LastError = null;
        }
        catch (PromQlException e)
        {
            LastError = e.Message;
            LastEvaluation = now;
            return;
        }

        lock (_lock)
        {
            var seen = new HashSet<LabelSet>();
            foreach (var sample in result.Vector ?? [])
            {
                var alertLabels = sample.Labels.WithoutName().Merge(Labels).With("alertname", Name);
                seen.Add(alertLabels);
                if (!_active.TryGetValue(alertLabels, out var alert) || alert.State == AlertState.Inactive)
                {
                    _active[alertLabels] = alert = new AlertInstance(alertLabels, now);
                }

                alert.Value = sample.Value;
                alert.Annotations = Annotations.ToDictionary(a => a.Key, a => AlertTemplate.Expand(a.Value, sample.Labels, sample.Value));
            }

            foreach (var (key, alert) in _active.ToList())
            {
                if (!seen.Contains(key))
                {
                    if (alert.State == AlertState.Pending || (alert.ResolvedAt is { } resolved && now - resolved > ResolvedRetention))
                    {
                        _active.Remove(key);
                    }
                    else if (alert.State != AlertState.Inactive)
                    {
                        alert.State = AlertState.Inactive;
                        alert.ResolvedAt = now;
                    }

                    continue;
                }

                if (alert.State == AlertState.Pending && now - alert.ActiveAt >= scaledHold)
                {
                    alert.State = AlertState.Firing;
                    alert.FiredAt = now;
                }

                alert.ValidUntil = now + validFor;
            }
        }

        LastEvaluation = now;
        EvaluationSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Snapshot of the alerts (including resolved ones; callers filter by state).</summary>
    public IReadOnlyList<AlertInstance> Alerts()
    {
        lock (_lock)
        {
            return _active.Values.OrderBy(a => a.Labels).ToList();
        }
    }

    public AlertState State
    {
        get
        {
            var alerts = Alerts();
            return alerts.Count == 0 ? AlertState.Inactive : alerts.Max(a => a.State);
        }
    }
}
