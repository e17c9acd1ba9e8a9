namespace DemoConsole.Sandbox.Prometheus.Rules;

/// <summary>A rule group of a PrometheusRule object: its name, the file path the Prometheus Operator would give it, its interval and rules.</summary>
internal sealed record RuleGroup(string Name, string File, TimeSpan Interval, IReadOnlyList<AlertingRule> Rules)
{
    public DateTimeOffset? LastEvaluation { get; set; }

    public double EvaluationSeconds { get; set; }
}
