using System.Net;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Tests.Support;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Sandbox.Tests.Prometheus;

/// <summary>The twin's HTTP API: Prometheus's envelope and shapes (reference/prometheus-api.md), GET and POST, errors.</summary>
public sealed class PrometheusApiTests
{
    private const string BlogRequests = "sum(istio_requests_total{reporter=\"destination\",destination_service_name=\"prod-blog-service\"})";

    [Fact]
    public async Task Query_GetAndPostForm_AnswerTheSameVectorEnvelope()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var prometheus = new HttpClient { BaseAddress = sandbox.Prometheus };
        await SendAsync(sandbox, "/blog/", 3);
        await AsyncWait.UntilAsync(async () => Value(await QueryAsync(prometheus, BlogRequests)) == "3", "the twin to scrape 3 blog requests");

        var get = await QueryAsync(prometheus, BlogRequests + " / 3", "&time=1700000000.5");
        using var post = await prometheus.PostAsync(new Uri("api/v1/query", UriKind.Relative),
            new FormUrlEncodedContent([new("query", BlogRequests + " / 3"), new("time", "1700000000.5")]));
        var posted = JsonNode.Parse(await post.Content.ReadAsStringAsync())!;

        Assert.Equal("application/json", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.ToJsonString(), posted.ToJsonString());
        Assert.Equal("success", (string?)get["status"]);
        Assert.Equal("vector", (string?)get["data"]!["resultType"]);
        Assert.Empty(get["data"]!["result"]!.AsArray());
        var now = await QueryAsync(prometheus, BlogRequests + " / 3");
        var sample = now["data"]!["result"]![0]!;
        Assert.Empty(sample["metric"]!.AsObject());
        Assert.Equal("Number", JsonValueKind(sample["value"]![0]!));
        Assert.Equal("1", (string?)sample["value"]![1]);
    }

    [Fact]
    public async Task QueryRange_Steps_ReturnsMatrixOfStringValues()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var prometheus = new HttpClient { BaseAddress = sandbox.Prometheus };
        await AsyncWait.UntilAsync(async () => Value(await QueryAsync(prometheus, "count(up)")) == "2", "the twin's first scrape");
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        var body = await GetAsync(prometheus, $"api/v1/query_range?query=up&start={end - 1:0.###}&end={end:0.###}&step=0.5");

        Assert.Equal("matrix", (string?)body["data"]!["resultType"]);
        var series = body["data"]!["result"]!.AsArray();
        Assert.Equal(["envoy-stats", "kubelet"], series.Select(s => (string?)s!["metric"]!["job"]));
        Assert.All(series, s => Assert.All(s!["values"]!.AsArray(), p => Assert.Equal("1", (string?)p![1])));
        Assert.Equal("up", (string?)series[0]!["metric"]!["__name__"]);
        var names = (await GetAsync(prometheus, "api/v1/label/__name__/values"))["data"]!.AsArray().Select(n => (string?)n).ToList();
        Assert.Contains("container_cpu_usage_seconds_total", names);
        Assert.Contains("up", names);
    }

    [Theory]
    [InlineData("api/v1/query?query=topk(3,up)", 400, "bad_data", "not supported")]
    [InlineData("api/v1/query?query=sum(rate(up[5m])", 400, "bad_data", "invalid parameter \"query\"")]
    [InlineData("api/v1/query?query=up&time=yesterday", 400, "bad_data", "invalid parameter \"time\"")]
    [InlineData("api/v1/query_range?query=up&start=10&end=5&step=1", 400, "bad_data", "end timestamp must not be before start time")]
    [InlineData("api/v1/query_range?query=up&start=0&end=5&step=0", 400, "bad_data", "zero or negative query resolution step")]
    [InlineData("api/v1/query_range?query=up&start=0&end=100000&step=1", 400, "bad_data", "exceeded maximum resolution of 11,000 points")]
    [InlineData("api/v1/query?query=up%20%2B%20on()%20up", 422, "execution", "many-to-many matching not allowed")]
    public async Task Errors_PrometheusEnvelope_WithItsStatusCode(string path, int status, string errorType, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var prometheus = new HttpClient { BaseAddress = sandbox.Prometheus };
        await AsyncWait.UntilAsync(async () => Value(await QueryAsync(prometheus, "count(up)")) == "2", "the twin's first scrape");

        using var response = await prometheus.GetAsync(new Uri(path, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("error", (string?)body["status"]);
        Assert.Equal(errorType, (string?)body["errorType"]);
        Assert.Contains(message, (string?)body["error"], StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Rules_TitaniumAlerts_ServedAsAlertingRuleGroup()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var prometheus = new HttpClient { BaseAddress = sandbox.Prometheus };
        await AsyncWait.UntilAsync(async () => (await GetAsync(prometheus, "api/v1/rules"))["data"]!["groups"]!.AsArray().Count > 0, "the first rule evaluation");

        var group = (await GetAsync(prometheus, "api/v1/rules?type=alert"))["data"]!["groups"]![0]!;

        Assert.Equal("titanium.rules", (string?)group["name"]);
        Assert.EndsWith(".yaml", (string?)group["file"], StringComparison.Ordinal);
        Assert.Equal(30, (double)group["interval"]!);
        var rules = group["rules"]!.AsArray();
        Assert.Equal(["HighErrorRate", "HighLatencyP95", "PodCrashLooping"], rules.Select(r => (string?)r!["name"]));
        var rule = rules[0]!;
        Assert.Equal(300, (double)rule["duration"]!);
        Assert.Equal("alerting", (string?)rule["type"]);
        Assert.Equal("inactive", (string?)rule["state"]);
        Assert.Equal("ok", (string?)rule["health"]);
        Assert.Equal("critical", (string?)rule["labels"]!["severity"]);
        Assert.Empty(rule["alerts"]!.AsArray());
        Assert.Empty((await GetAsync(prometheus, "api/v1/rules?type=record"))["data"]!["groups"]!.AsArray());
        Assert.Empty((await GetAsync(prometheus, "api/v1/alerts"))["data"]!["alerts"]!.AsArray());
        using var alertmanager = await prometheus.GetAsync(new Uri(sandbox.Alertmanager, "api/v2/alerts"));
        Assert.Equal("[]", await alertmanager.Content.ReadAsStringAsync());
    }

    internal static async Task SendAsync(SandboxHost sandbox, string path, int count)
    {
        using var gateway = TestSandbox.Gateway(sandbox);
        for (var i = 0; i < count; i++)
        {
            (await gateway.GetAsync(new Uri(path, UriKind.Relative))).Dispose();
        }
    }

    internal static async Task<JsonNode> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static Task<JsonNode> QueryAsync(HttpClient http, string query, string extra = "") =>
        GetAsync(http, $"api/v1/query?query={Uri.EscapeDataString(query)}{extra}");

    private static string? Value(JsonNode body) =>
        body["data"]!["result"]!.AsArray() is { Count: 1 } result ? (string?)result[0]!["value"]![1] : null;

    private static string JsonValueKind(JsonNode node) => node.GetValueKind().ToString();
}
