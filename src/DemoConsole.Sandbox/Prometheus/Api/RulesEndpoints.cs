using System.Text.Json;
using DemoConsole.Sandbox.Prometheus.Rules;

namespace DemoConsole.Sandbox.Prometheus.Api;

/// <summary>/api/v1/rules and /api/v1/alerts in Prometheus's shapes (alert values in Go 'e' notation, active alerts only).</summary>
internal static class RulesEndpoints
{
    public static async Task RulesAsync(HttpContext context, PrometheusTwin twin)
    {
        var parameters = await ApiParams.ReadAsync(context.Request);
        var type = parameters.Get("type");
        if (type is not (null or "" or "alert" or "record"))
        {
            throw ApiError.BadData($"invalid parameter \"type\": not supported value \"{type}\"");
        }

        var names = parameters.All("rule_name[]");
        var groupNames = parameters.All("rule_group[]");
        var excludeAlerts = parameters.Get("exclude_alerts") == "true";
        await ApiJson.WriteSuccessAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("groups");
            foreach (var group in twin.Rules.Groups.Where(g => groupNames.Count == 0 || groupNames.Contains(g.Name)))
            {
                // Recording rules are not modelled, so a type=record filter leaves every group empty (and dropped).
                var rules = group.Rules.Where(r => type != "record" && (names.Count == 0 || names.Contains(r.Name))).ToList();
                if (rules.Count == 0 && (type is not (null or "") || names.Count > 0))
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("name", group.Name);
                json.WriteString("file", group.File);
                json.WriteStartArray("rules");
                foreach (var rule in rules)
                {
                    WriteRule(json, rule, excludeAlerts);
                }

                json.WriteEndArray();
                json.WriteNumber("interval", group.Interval.TotalSeconds);
                json.WriteNumber("limit", 0);
                json.WriteNumber("evaluationTime", group.EvaluationSeconds);
                json.WriteString("lastEvaluation", ApiJson.Rfc3339(group.LastEvaluation ?? DateTimeOffset.UnixEpoch));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static Task AlertsAsync(HttpContext context, PrometheusTwin twin) =>
        ApiJson.WriteSuccessAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("alerts");
            foreach (var alert in twin.Rules.Groups.SelectMany(g => g.Rules).SelectMany(r => r.Alerts()).Where(a => a.State != AlertState.Inactive))
            {
                WriteAlert(json, alert);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteRule(Utf8JsonWriter json, AlertingRule rule, bool excludeAlerts)
    {
        json.WriteStartObject();
        json.WriteString("state", Name(rule.State));
        json.WriteString("name", rule.Name);
        json.WriteString("query", rule.Query);
        json.WriteNumber("duration", rule.HoldDuration.TotalSeconds);
        json.WriteNumber("keepFiringFor", 0);
        ApiJson.Map(json, "labels", rule.Labels);
        ApiJson.Map(json, "annotations", rule.Annotations);
        if (!excludeAlerts)
        {
            json.WriteStartArray("alerts");
            foreach (var alert in rule.Alerts().Where(a => a.State != AlertState.Inactive))
            {
                WriteAlert(json, alert);
            }

            json.WriteEndArray();
        }

        json.WriteString("health", rule.LastEvaluation is null ? "unknown" : rule.LastError is null ? "ok" : "err");
        if (rule.LastError is not null)
        {
            json.WriteString("lastError", rule.LastError);
        }

        json.WriteNumber("evaluationTime", rule.EvaluationSeconds);
        json.WriteString("lastEvaluation", ApiJson.Rfc3339(rule.LastEvaluation ?? DateTimeOffset.UnixEpoch));
        json.WriteString("type", "alerting");
        json.WriteEndObject();
    }

    private static void WriteAlert(Utf8JsonWriter json, AlertInstance alert)
    {
        json.WriteStartObject();
        ApiJson.Labels(json, "labels", alert.Labels);
        ApiJson.Map(json, "annotations", alert.Annotations);
        json.WriteString("state", Name(alert.State));
        json.WriteString("activeAt", ApiJson.Rfc3339(alert.ActiveAt));
        json.WriteString("value", GoFloat.Exponent(alert.Value));
        json.WriteEndObject();
    }

    public static string Name(AlertState state) => state switch
    {
        AlertState.Firing => "firing",
        AlertState.Pending => "pending",
        _ => "inactive",
    };
}
