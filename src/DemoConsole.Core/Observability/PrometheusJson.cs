using System.Globalization;
using System.Text.Json;

namespace DemoConsole.Core.Observability;

/// <summary>Reads the <c>data</c> of Prometheus's answers: sample values are strings ("NaN", "+Inf"), timestamps are Unix seconds.</summary>
internal static class PrometheusJson
{
    public static IReadOnlyList<MetricSample> ReadVector(JsonElement data)
    {
        var type = data.GetProperty("resultType").GetString();
        var result = data.GetProperty("result");
        return type switch
        {
            "vector" => result.EnumerateArray().Select(e => new MetricSample(Labels(e, "metric"), Point(e.GetProperty("value")))).ToList(),
            "scalar" => [new MetricSample(new Dictionary<string, string>(), Point(result))],
            // A range selector asked as an instant query: its newest point per series.
            "matrix" => result.EnumerateArray().Where(e => e.GetProperty("values").GetArrayLength() > 0)
                .Select(e => new MetricSample(Labels(e, "metric"), Point(e.GetProperty("values")[e.GetProperty("values").GetArrayLength() - 1]))).ToList(),
            _ => throw new FormatException($"result type '{type}' is not a number"),
        };
    }

    public static IReadOnlyList<MetricSeries> ReadMatrix(JsonElement data) =>
        data.GetProperty("result").EnumerateArray()
            .Select(e => new MetricSeries(Labels(e, "metric"), e.TryGetProperty("values", out var values) ? values.EnumerateArray().Select(Point).ToList() : []))
            .ToList();

    public static IReadOnlyList<AlertingRuleState> ReadRules(JsonElement data) =>
        data.GetProperty("groups").EnumerateArray().SelectMany(group => group.GetProperty("rules").EnumerateArray()
            .Where(rule => Text(rule, "type") == "alerting")
            .Select(rule => new AlertingRuleState(
                Text(group, "name"),
                Text(rule, "name"),
                Text(rule, "query"),
                TimeSpan.FromSeconds(rule.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : 0),
                Text(rule, "state"),
                Text(rule, "health"),
                rule.TryGetProperty("lastError", out var e) && e.GetString() is { Length: > 0 } error ? error : null,
                Labels(rule, "labels"),
                Labels(rule, "annotations"),
                rule.TryGetProperty("alerts", out var alerts) && alerts.ValueKind == JsonValueKind.Array ? alerts.EnumerateArray().Select(Alert).ToList() : [])))
            .ToList();

    public static IReadOnlyList<PrometheusAlert> ReadAlerts(JsonElement data) =>
        data.GetProperty("alerts").EnumerateArray().Select(Alert).ToList();

    public static IReadOnlyList<AlertmanagerAlert> ReadAlertmanagerAlerts(JsonElement root) =>
        root.EnumerateArray().Select(a => new AlertmanagerAlert(
            Text(a, "fingerprint"),
            Labels(a, "labels"),
            Labels(a, "annotations"),
            a.TryGetProperty("status", out var status) ? Text(status, "state") : "",
            Time(a, "startsAt") ?? DateTimeOffset.MinValue,
            Time(a, "endsAt"))).ToList();

    private static PrometheusAlert Alert(JsonElement alert) => new(
        Labels(alert, "labels"),
        Labels(alert, "annotations"),
        Text(alert, "state"),
        Time(alert, "activeAt"),
        alert.TryGetProperty("value", out var value) ? Number(value.GetString()) : double.NaN);

    private static MetricPoint Point(JsonElement pair) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(pair[0].GetDouble() * 1000)), Number(pair[1].GetString()));

    /// <summary>Go's float text: "NaN", "+Inf", "-Inf", exponents ("1.2e-01").</summary>
    public static double Number(string? text) => text switch
    {
        null => double.NaN,
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN,
    };

    private static Dictionary<string, string> Labels(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static string Text(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static DateTimeOffset? Time(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            && time.Year > 1
            ? time
            : null;
}
