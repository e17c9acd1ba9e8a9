using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DemoConsole.Core.Messages;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Observability;

/// <summary>
/// <see cref="IMetricsClient"/> over HTTP. Queries are POSTed form-encoded like Prometheus's own Go client (a long PromQL
/// does not hit URL limits). Each call has its own deadline (<see cref="IMetricsEndpoints.Timeout"/>), so a Prometheus that
/// accepts connections but never answers shows as down instead of holding a poll loop forever.
/// </summary>
public sealed partial class MetricsClient(HttpClient http, IMetricsEndpoints endpoints, ILogger<MetricsClient> logger) : IMetricsClient
{
    public async Task<MetricsResult<IReadOnlyList<MetricSample>>> QueryAsync(string query, DateTimeOffset? time = null, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("query", query) };
        if (time is { } at)
        {
            form.Add(new("time", Seconds(at)));
        }

        return await CallAsync(endpoints.Prometheus, "api/v1/query", form, PrometheusJson.ReadVector, cancellationToken);
    }

    public async Task<MetricsResult<IReadOnlyList<MetricSeries>>> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("query", query),
            new("start", Seconds(start)),
            new("end", Seconds(end)),
            new("step", step.TotalSeconds.ToString(CultureInfo.InvariantCulture)),
        };
        return await CallAsync(endpoints.Prometheus, "api/v1/query_range", form, PrometheusJson.ReadMatrix, cancellationToken);
    }

    public Task<MetricsResult<IReadOnlyList<AlertingRuleState>>> AlertingRulesAsync(CancellationToken cancellationToken = default) =>
        CallAsync(endpoints.Prometheus, "api/v1/rules?type=alert", null, PrometheusJson.ReadRules, cancellationToken);

    public Task<MetricsResult<IReadOnlyList<PrometheusAlert>>> AlertsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(endpoints.Prometheus, "api/v1/alerts", null, PrometheusJson.ReadAlerts, cancellationToken);

    public Task<MetricsResult<IReadOnlyList<AlertmanagerAlert>>> AlertmanagerAlertsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(endpoints.Alertmanager, "api/v2/alerts?active=true", null, PrometheusJson.ReadAlertmanagerAlerts, cancellationToken, envelope: false);

    private async Task<MetricsResult<T>> CallAsync<T>(
        MetricsSource? source,
        string path,
        List<KeyValuePair<string, string>>? form,
        Func<JsonElement, T> read,
        CancellationToken cancellationToken,
        bool envelope = true)
    {
        var what = envelope ? "Prometheus" : "Alertmanager";
        if (source is null)
        {
            return MetricsResult.Fail<T>(MetricsErrorKind.NotConfigured, new UiMessage("Metrics_NotConfiguredSource", what));
        }

        var url = new Uri(WithSlash(source.Url), path);
        using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, url);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        Authorize(request, source);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(endpoints.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return envelope ? ReadEnvelope(response.StatusCode, body, read, source) : ReadPlain(response.StatusCode, body, read, source);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(what, source, "timeout");
            return MetricsResult.Fail<T>(MetricsErrorKind.Timeout, new UiMessage("Metrics_NoAnswer", what, source.ToString(), endpoints.Timeout.TotalSeconds));
        }
        catch (HttpRequestException ex)
        {
            LogFailed(what, source, ex.Message);
            return MetricsResult.Fail<T>(MetricsErrorKind.Unreachable, new UiMessage("Metrics_NotReachable", what, source.ToString(), ex.Message));
        }
    }

    /// <summary>
    /// Like client_golang: 400 and 422 carry Prometheus's error envelope (a query problem); any other non-2xx is the server's
    /// problem, with a short piece of its body.
    /// </summary>
    private static MetricsResult<T> ReadEnvelope<T>(HttpStatusCode status, string body, Func<JsonElement, T> read, MetricsSource source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return MetricsResult.Fail<T>(MetricsErrorKind.Server, new UiMessage("Metrics_NotJson", source.ToString(), (int)status, Short(body)));
        }

        using (document)
        {
            var root = document.RootElement;
            var ok = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.GetString() == "success";
            if (!ok)
            {
                var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errorType", out var t) ? t.GetString() : null;
                var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? e.GetString() : null;
                var kind = type is "bad_data" or "execution" || status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
                    ? MetricsErrorKind.BadQuery
                    : type == "timeout" ? MetricsErrorKind.Timeout : MetricsErrorKind.Server;
                return MetricsResult.Fail<T>(kind, kind == MetricsErrorKind.BadQuery
                    ? new UiMessage("Metrics_QueryRefused", type, error)
                    : new UiMessage("Metrics_ServerError", source.ToString(), (int)status, type ?? "-", error ?? Short(body)));
            }

            var warnings = root.TryGetProperty("warnings", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                : [];
            try
            {
                return MetricsResult.Ok(read(root.GetProperty("data")), warnings);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return MetricsResult.Fail<T>(MetricsErrorKind.Server, new UiMessage("Metrics_UnexpectedShape", "Prometheus", source.ToString(), ex.Message));
            }
        }
    }

    /// <summary>Alertmanager's v2 API has no envelope: 200 is a bare array, 400/500 a JSON string.</summary>
    private static MetricsResult<T> ReadPlain<T>(HttpStatusCode status, string body, Func<JsonElement, T> read, MetricsSource source)
    {
        if (status != HttpStatusCode.OK)
        {
            return MetricsResult.Fail<T>(MetricsErrorKind.Server, new UiMessage("Metrics_AlertmanagerError", source.ToString(), (int)status, Short(body)));
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return MetricsResult.Ok(read(document.RootElement));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return MetricsResult.Fail<T>(MetricsErrorKind.Server, new UiMessage("Metrics_UnexpectedShape", "Alertmanager", source.ToString(), ex.Message));
        }
    }

    private static void Authorize(HttpRequestMessage request, MetricsSource source)
    {
        if (source.BearerToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (source.Username is { Length: > 0 } user)
        {
            var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{source.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", pair);
        }
    }

    private static Uri WithSlash(Uri url) => url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");

    private static string Seconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Short(string body) => body.Length <= 200 ? body.Trim() : body[..200].Trim() + "…";

    // The URL logged is the source's address without user info or query; credentials never reach a log.
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "{What} at {Url} failed: {Reason}")]
    private partial void LogFailed(string what, MetricsSource url, string reason);
}
