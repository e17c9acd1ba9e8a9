using System.Globalization;
using System.Net;
using System.Text.Json;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Security;
using DemoConsole.Core.Tests.Cluster.Actions;
using DemoConsole.Tests.Shared;

namespace DemoConsole.Core.Tests.Messages;

/// <summary>
/// What the cluster, the panels, the metrics and stop everything tell a person reads in Korean on a Korean screen, with
/// the names and the remote system's words kept as they are, while the English text (logs, ToString) stays the same.
/// </summary>
public sealed class ClusterMessagesInKoreanTests
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    [Fact]
    public async Task PodKill_LastReadyReplica_RefusalReadsInKorean_WithTheNamesKept()
    {
        await using var host = await ClusterActionsHost.StartAsync(
            new ClusterActionOptions { AllowProtectedWorkloads = true },
            TestScenarios.ThreeParts([TestScenarios.Action("kill-redis", PodKillKind.Descriptor.Name, 3, [("deployment", "prod-redis")])]));

        var run = await host.RunToEndAsync("kill-redis");

        Assert.Equal(ActionRunStatus.Refused, run.Status);
        var korean = run.Message!.Format(Korean, Korean);
        Assert.Contains("마지막 Ready 레플리카입니다", korean, StringComparison.Ordinal);
        Assert.Contains("Deployment prod-redis", korean, StringComparison.Ordinal);
        Assert.StartsWith("Refused: Pod prod-redis-", run.Message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopEverything_ByAViewer_RefusalReadsInKorean()
    {
        await using var host = await ClusterActionsHost.StartAsync();

        var report = await host.StopEverything.RunAsync(Actor.Viewer("bob"), CancellationToken.None);

        Assert.Equal("발표자만 모두 중지할 수 있습니다.", report.Refusal!.Format(Korean));
        Assert.Equal("Only a presenter can stop everything.", report.Refusal.ToString());
    }

    [Fact]
    public void ClusterConnection_SandboxNotRunning_AndAnUnreachableApiServer_ReadInKorean_TheErrorVerbatim()
    {
        using var connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Sandbox));
        var unavailable = Assert.Throws<ClusterUnavailableException>(() => connection.Client);
        var unreachable = FailureText.Describe(ResourceSources.Pods("titanium-prod").Text, new HttpRequestException("Connection refused (127.0.0.1:1)"));

        Assert.Equal("내장 샌드박스가 아직 실행되지 않았습니다.", unavailable.Text.Format(Korean));
        Assert.Equal("The embedded sandbox is not running yet.", unavailable.Message);
        Assert.Equal("titanium-prod의 pods을(를) 읽으려 했지만 API 서버에 연결할 수 없습니다: Connection refused (127.0.0.1:1)", unreachable.Format(Korean));
        Assert.Equal("The API server is not reachable for pods in titanium-prod: Connection refused (127.0.0.1:1)", unreachable.ToString());
    }

    [Fact]
    public void FrameProbe_XFrameOptionsDeny_ReadsInKorean_TheHeaderValueKept()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("") };
        response.Headers.TryAddWithoutValidation("X-Frame-Options", "DENY");

        var refusal = FrameProbe.FramingRefusal(response.Headers, response.Content.Headers, new Uri("http://localhost:5080/"));

        Assert.Equal("X-Frame-Options: DENY 헤더를 보내므로 이 콘솔에 삽입할 수 없습니다.", refusal!.Format(Korean));
    }

    [Fact]
    public void MetricQuery_UnclosedBracket_ReadsInKorean()
    {
        var problem = MetricQueries.SyntaxProblem("sum(rate(http_requests_total[5m])");

        Assert.Equal("'('이(가) 닫히지 않았습니다", problem!.Format(Korean));
        Assert.Equal("'(' is not closed", problem.ToString());
    }

    [Fact]
    public void Recording_KeepsKeyAndArguments_SoAReplayReadsInEitherLanguage_AndOldTextReadsAsItIs()
    {
        var status = new ConnectionStatus(ConnectionState.Unavailable,
            new UiMessage("Cluster_NotReachable", new UiMessage("Logs_LogOf", "prod-blog-1"), "Connection refused"), DateTimeOffset.UnixEpoch);
        var ledger = new UiMessage("Cluster_KillTooSoon", 12.4, 18.0, 30.0);

        var replayed = JsonSerializer.Deserialize<ConnectionStatus>(JsonSerializer.Serialize(status, RecordingJson.Options), RecordingJson.Options)!;
        var replayedLedger = JsonSerializer.Deserialize<UiMessage>(JsonSerializer.Serialize(ledger, RecordingJson.Options), RecordingJson.Options)!;
        var old = JsonSerializer.Deserialize<ConnectionStatus>("""{"state":"Unavailable","problem":"Cannot connect","since":"2026-01-01T00:00:00Z"}""", RecordingJson.Options)!;

        Assert.Equal(status.Problem!.Format(Korean), replayed.Problem!.Format(Korean));
        Assert.Equal("prod-blog-1의 로그을(를) 읽으려 했지만 API 서버에 연결할 수 없습니다: Connection refused", replayed.Problem.Format(Korean));
        Assert.Equal("이전 pod를 12초 전에 삭제했습니다: 18초 더 기다리세요 (최소 간격 30초).", replayedLedger.Format(Korean, Korean));
        Assert.Equal("Cannot connect", old.Problem!.Format(Korean));
    }
}
