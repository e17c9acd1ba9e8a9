using System.Text.Json;
using DemoConsole.Sandbox.Metrics;
using DemoConsole.Sandbox.Prometheus.PromQl;
using DemoConsole.Sandbox.Prometheus.Rules;

namespace DemoConsole.Sandbox.Prometheus.Api;

/// <summary>
/// Alertmanager's GET /api/v2/alerts over the alerts the twin's Prometheus would have sent it: firing alerts, with
/// startsAt when they fired and endsAt the validity Prometheus gives them. No silences or inhibitions exist here.
/// </summary>
internal static class AlertmanagerEndpoints
{
    public const string Receiver = "null";

    public static async Task AlertsAsync(HttpContext context, PrometheusTwin twin)
    {
        var parameters = await ApiParams.ReadAsync(context.Request);
        List<LabelMatcher> filters;
        try
        {
            filters = parameters.All("filter").SelectMany(ParseFilter).ToList();
        }
        catch (PromQlException e)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize($"bad matcher format: {e.Message}"), context.RequestAborted);
            return;
        }

        var showActive = parameters.Get("active") != "false";
        var alerts = twin.Rules.Groups
            .SelectMany(g => g.Rules.Select(r => (Group: g, Rule: r)))
            .SelectMany(x => x.Rule.Alerts().Where(a => a.State == AlertState.Firing).Select(a => (x.Rule, Alert: a)))
            .Where(x => showActive && filters.All(f => f.Matches(x.Alert.Labels.Get(f.Name))))
            .OrderBy(x => LabelFingerprint.Of(x.Alert.Labels), StringComparer.Ordinal)
            .ToList();

        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body, ApiJson.Options);
        json.WriteStartArray();
        foreach (var (rule, alert) in alerts)
        {
            json.WriteStartObject();
            ApiJson.Map(json, "annotations", alert.Annotations);
            json.WriteString("endsAt", ApiJson.Rfc3339Millis(alert.ValidUntil));
            json.WriteString("fingerprint", LabelFingerprint.Of(alert.Labels));
            json.WriteStartArray("receivers");
            json.WriteStartObject();
            json.WriteString("name", Receiver);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("startsAt", ApiJson.Rfc3339Millis(alert.FiredAt ?? alert.ActiveAt));
            json.WriteStartObject("status");
            json.WriteStartArray("inhibitedBy");
            json.WriteEndArray();
            json.WriteStartArray("mutedBy");
            json.WriteEndArray();
            json.WriteStartArray("silencedBy");
            json.WriteEndArray();
            json.WriteString("state", "active");
            json.WriteEndObject();
            json.WriteString("updatedAt", ApiJson.Rfc3339Millis(rule.LastEvaluation ?? alert.ActiveAt));
            json.WriteString("generatorURL", $"{twin.ExternalUrl}graph?g0.expr={Uri.EscapeDataString(rule.Query)}&g0.tab=1");
            ApiJson.Labels(json, "labels", alert.Labels);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        await json.FlushAsync(context.RequestAborted);
    }

    // Each filter is one matcher such as alertname="HighErrorRate"; braces around a list are accepted too.
    private static IEnumerable<LabelMatcher> ParseFilter(string filter)
    {
        var text = filter.Trim();
        text = text.StartsWith('{') ? text : "{" + text + "}";
        var tokens = Lexer.Tokenize(text);
        var matchers = new List<LabelMatcher>();
        for (var i = 1; i + 2 < tokens.Count && tokens[i].Kind == TokenKind.Identifier; i += 4)
        {
            var op = tokens[i + 1].Text switch
            {
                "=" => MatchOp.Equal,
                "!=" => MatchOp.NotEqual,
                "=~" => MatchOp.Regex,
                "!~" => MatchOp.NotRegex,
                _ => throw new PromQlException($"unexpected \"{tokens[i + 1].Text}\" in {filter}"),
            };
            matchers.Add(new LabelMatcher(tokens[i].Text, op, tokens[i + 2].Text));
        }

        return matchers.Count == 0 ? throw new PromQlException($"no matcher in {filter}") : matchers;
    }
}
