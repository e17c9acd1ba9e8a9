using System.Net;
using System.Net.Sockets;
using DemoConsole.Core.Observability;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Observability;

/// <summary>What the client makes of servers that fail: silence, refusals, Prometheus's error envelope, HTML from a proxy.</summary>
public sealed class MetricsClientFaultTests
{
    private static MetricsClient ClientFor(Uri url, TimeSpan? timeout = null, string? token = null) =>
        new(new HttpClient(), new StaticMetricsEndpoints(new MetricsSource(url, BearerToken: token), new MetricsSource(url), timeout), NullLogger<MetricsClient>.Instance);

    [Fact]
    public async Task QueryAsync_ServerThatNeverAnswers_TimesOutWithAClearMessage()
    {
        // The kernel accepts the connection into the backlog; nothing ever reads or answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");

        var result = await ClientFor(url, TimeSpan.FromMilliseconds(300)).QueryAsync("up");

        Assert.Equal(MetricsErrorKind.Timeout, result.Error!.Kind);
        Assert.True(result.Error.SourceDown);
        Assert.Contains("did not answer", result.Error.Message?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_NothingListening_IsUnreachable()
    {
        var url = new Uri($"http://127.0.0.1:{RealPrometheus.FreePort()}/");

        var result = await ClientFor(url).QueryAsync("up");

        Assert.Equal(MetricsErrorKind.Unreachable, result.Error!.Kind);
        Assert.Contains("not reachable", result.Error.Message?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_TimeoutEnvelope_IsATimeoutNotABadQuery()
    {
        await using var server = await LoopbackServer.StartAsync(context => Reply(context, 503,
            """{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}"""));

        var result = await ClientFor(server.Address).QueryAsync("up");

        Assert.Equal(MetricsErrorKind.Timeout, result.Error!.Kind);
        Assert.Contains("query timed out", result.Error.Message?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ProxyAnswersWithHtml_IsAServerProblemNamingTheStatus()
    {
        await using var server = await LoopbackServer.StartAsync(context => Reply(context, 502, "<html>Bad Gateway</html>", "text/html"));

        var result = await ClientFor(server.Address).QueryAsync("up");

        Assert.Equal(MetricsErrorKind.Server, result.Error!.Kind);
        Assert.Contains("HTTP 502", result.Error.Message?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_WithBearerToken_SendsItInTheHeaderAndNeverInAMessage()
    {
        string? seen = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            seen = context.Request.Headers.Authorization;
            return Reply(context, 401, """{"status":"error","errorType":"unauthorized","error":"bad token"}""");
        });

        var result = await ClientFor(server.Address, token: "s3cret-token").QueryAsync("up");

        Assert.Equal("Bearer s3cret-token", seen);
        Assert.DoesNotContain("s3cret-token", result.Error!.Message?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-token", new MetricsSource(server.Address, BearerToken: "s3cret-token").ToString(), StringComparison.Ordinal);
        Assert.Equal("http://prom:9090/api/", new MetricsSource(new Uri("http://admin:pw@prom:9090/api/?token=x")).ToString());
    }

    [Fact]
    public async Task AlertmanagerAlertsAsync_ErrorString_IsAServerProblem()
    {
        await using var server = await LoopbackServer.StartAsync(context => Reply(context, 400, "\"failed to parse receiver param\""));

        var result = await ClientFor(server.Address).AlertmanagerAlertsAsync();

        Assert.Equal(MetricsErrorKind.Server, result.Error!.Kind);
        Assert.Contains("failed to parse receiver param", result.Error.Message?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_LabelsAndValuesOfEveryKind_AreRead()
    {
        await using var server = await LoopbackServer.StartAsync(context => Reply(context, 200, """
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"pod":"a"},"value":[1741083330.5,"+Inf"]},
              {"metric":{"pod":"b","unexpected":"label"},"value":[1741083330.5,"1.2e-01"]}]},"warnings":["partial"]}
            """));

        var result = await ClientFor(server.Address).QueryAsync("up");

        Assert.True(result.Succeeded);
        Assert.Equal(["partial"], result.Warnings);
        Assert.True(double.IsPositiveInfinity(result.Value.Single(s => s.Label("pod") == "a").Point.Value));
        Assert.Equal(0.12, result.Value.Single(s => s.Label("pod") == "b").Point.Value, 6);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1741083330500), result.Value[0].Point.Time);
    }

    private static Task Reply(HttpContext context, int status, string body, string type = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        return context.Response.WriteAsync(body);
    }
}
