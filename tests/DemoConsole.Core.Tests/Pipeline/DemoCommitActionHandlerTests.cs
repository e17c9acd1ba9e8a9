using DemoConsole.Core.Actions;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Tests.Cluster;

namespace DemoConsole.Core.Tests.Pipeline;

/// <summary>The demo-commit kind: the confirmation names exactly what the run commits, and the run follows the pipeline to running pods.</summary>
public sealed class DemoCommitActionHandlerTests
{
    private static readonly ActionDefinition Action = new("demo-commit", DemoCommitKind.Descriptor.Name, "데모 커밋 Push", 2,
        new Dictionary<string, string>
        {
            ["repository"] = "DvwN-Lee/Monitoring-v2",
            ["branch"] = "main",
            ["file"] = "user-service/DEMO.txt",
            ["message"] = "데모: CI/CD 파이프라인 테스트",
        }, null, 1);

    [Fact]
    public async Task PreviewThenRun_Sandbox_NamesTargetAndReportsThePipelineUntilPodsAreReady()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var views = sandbox.Views();
        var connection = PipelineSandbox.Connection(sandbox.Host);
        var handler = new DemoCommitActionHandler(DemoCommitKind.Descriptor, new DemoCommitService(connection, TimeProvider.System),
            new PipelineFollower(connection, views, TimeProvider.System), TimeProvider.System);
        var reports = new List<DemoCommitProgress>();

        var preview = await handler.PreviewAsync(Action, CancellationToken.None);
        var outcome = await handler.RunAsync(new ActionRunContext("run", Action, "alice", r => reports.Add((DemoCommitProgress)r), preview.Pin), CancellationToken.None);

        Assert.True(preview.CanRun, preview.Reason?.ToString());
        Assert.Contains("user-service/DEMO.txt", preview.Summary?.ToString(), StringComparison.Ordinal);
        Assert.Contains("DvwN-Lee/Monitoring-v2", preview.Summary?.ToString(), StringComparison.Ordinal);
        Assert.Contains("branch main", preview.Summary?.ToString(), StringComparison.Ordinal);
        Assert.Contains("데모: CI/CD 파이프라인 테스트", preview.Summary?.ToString(), StringComparison.Ordinal);
        Assert.True(outcome.Status == ActionRunStatus.Succeeded, outcome.Message + " " + ((outcome.Result as DemoCommitProgress)?.Pipeline is { } p ? PipelineSandbox.Describe(p) : ""));
        var result = Assert.IsType<DemoCommitProgress>(outcome.Result);
        Assert.Equal(PipelineOutcome.Succeeded, result.Pipeline?.Outcome);
        Assert.Equal(result.Sha![..7], result.Pipeline!.NewImageTag);
        Assert.NotEmpty(reports);
        Assert.Null(reports[0].Sha);
    }

    [Fact]
    public void Validate_NoToken_DisablesTheButtonWithTheReason()
    {
        var connection = new GitHubConnection(new GitHubOptions(), TimeProvider.System);
        var handler = new DemoCommitActionHandler(DemoCommitKind.Descriptor, new DemoCommitService(connection, TimeProvider.System),
            new PipelineFollower(connection, new DemoConsole.Tests.Shared.TestClusterViews(), TimeProvider.System), TimeProvider.System);

        Assert.Contains("DemoConsole:GitHub:Token", handler.Validate(Action)?.ToString(), StringComparison.Ordinal);
    }
}
