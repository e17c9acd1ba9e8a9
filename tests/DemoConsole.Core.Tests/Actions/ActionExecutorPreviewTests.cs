using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Security;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Actions;

/// <summary>The preview/run pair: a run with a preview id does exactly what that preview pinned, once, or refuses.</summary>
public sealed class ActionExecutorPreviewTests : IDisposable
{
    private static readonly Actor Alice = Actor.Presenter("alice");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly GatedActionHandler _handler = new() { Confirmation = ConfirmationStyle.Preview, AllowedAtRunTime = new HashSet<string> { "pod" } };
    private readonly ActionExecutor _executor;

    public ActionExecutorPreviewTests()
    {
        var scenario = TestScenarios.ThreeParts(TestScenarios.Action("kill", "gated", part: 3, ("pod", "from-scenario")));
        _executor = new ActionExecutor(new TestScenarioSource(scenario), [_handler], _time, new FakeLogger<ActionExecutor>());
    }

    public void Dispose() => _executor.Dispose();

    [Fact]
    public async Task Start_WithPreviewId_RunsWithThatPreviewsPinEvenAfterNewerPreviews()
    {
        var first = await _executor.PreviewAsync(Alice, "kill", null, CancellationToken.None);
        await _executor.PreviewAsync(Alice, "kill", null, CancellationToken.None);

        var started = _executor.Start(Alice, "kill", null, first.PreviewId);
        var board = await AsyncWait.ForAsync(_executor.WatchAsync, b => b.FindRun(started.RunId!)?.Result is not null, "progress");

        Assert.True(first.CanRun);
        Assert.Equal("Preview 1 of kill", first.Summary?.ToString());
        Assert.Equal(_time.GetUtcNow() + ActionExecutor.PreviewValidity, first.ValidUntil);
        Assert.Equal(1, Assert.IsType<GatedProgress>(board.FindRun(started.RunId!)!.Result).Pin);
        Assert.Equal(2, _handler.Previews);
    }

    [Fact]
    public async Task Start_WithExpiredPreview_IsRefusedAndNothingRuns()
    {
        var preview = await _executor.PreviewAsync(Alice, "kill", null, CancellationToken.None);
        _time.Advance(ActionExecutor.PreviewValidity);

        var started = _executor.Start(Alice, "kill", null, preview.PreviewId);

        Assert.False(started.Started);
        Assert.Contains("expired", started.Error, StringComparison.Ordinal);
        Assert.Equal(0, _handler.Runs);
    }

    [Fact]
    public async Task Start_WithAnotherPresentersPreview_IsRefused()
    {
        var preview = await _executor.PreviewAsync(Alice, "kill", null, CancellationToken.None);

        var started = _executor.Start(Actor.Presenter("bob"), "kill", null, preview.PreviewId);

        Assert.False(started.Started);
        Assert.Equal(0, _handler.Runs);
    }

    [Fact]
    public async Task Start_WithPreviewIdAndParameters_IsRefusedBecauseThePreviewFixesThem()
    {
        var preview = await _executor.PreviewAsync(Alice, "kill", new Dictionary<string, string> { ["pod"] = "blog-2" }, CancellationToken.None);

        var started = _executor.Start(Alice, "kill", new Dictionary<string, string> { ["pod"] = "blog-3" }, preview.PreviewId);

        Assert.False(started.Started);
        Assert.Equal(0, _handler.Runs);
    }

    [Fact]
    public async Task Start_WithPreviewOfAPickedPod_RunsWithThePickedParameters()
    {
        var preview = await _executor.PreviewAsync(Alice, "kill", new Dictionary<string, string> { ["pod"] = "blog-2" }, CancellationToken.None);

        var started = _executor.Start(Alice, "kill", null, preview.PreviewId);

        Assert.True(started.Started, started.Error);
        Assert.Equal("blog-2", _executor.FindRun(started.RunId)!.Parameters["pod"]);
    }

    [Fact]
    public async Task PreviewAsync_RefusedByTheGuardRails_HasNoPreviewId()
    {
        _handler.Refusal = "Namespace 'kube-system' is not allow-listed.";

        var preview = await _executor.PreviewAsync(Alice, "kill", null, CancellationToken.None);

        Assert.False(preview.CanRun);
        Assert.Null(preview.PreviewId);
        Assert.Equal(_handler.Refusal, preview.Reason?.ToString());
    }

    [Fact]
    public async Task PreviewAsync_AsViewer_IsRefusedWithoutAskingTheHandler()
    {
        var preview = await _executor.PreviewAsync(Actor.Viewer("audience"), "kill", null, CancellationToken.None);

        Assert.False(preview.CanRun);
        Assert.Equal(0, _handler.Previews);
    }

    [Fact]
    public async Task Start_GuardRailSaysNoSinceThePreview_IsRefused()
    {
        var preview = await _executor.PreviewAsync(Alice, "kill", null, CancellationToken.None);
        _handler.Refusal = "Wait 30 s between kills.";

        var started = _executor.Start(Alice, "kill", null, preview.PreviewId);

        Assert.False(started.Started);
        Assert.Equal("Wait 30 s between kills.", started.Error);
    }
}
