using DemoConsole.Core.Actions;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Recording.Replay;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Recording;

public sealed class ReplayPlayerTests : IDisposable
{
    private static readonly Actor Alice = Actor.Presenter("alice");
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start.AddDays(1));
    private readonly ReplayScreens _screens = new();
    private readonly ReplayPlayer _player;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"replay-{Guid.NewGuid():n}.jsonl");

    public ReplayPlayerTests()
    {
        _player = new ReplayPlayer(_screens, _time, NullLogger<ReplayPlayer>.Instance);
        using var writer = new RecordingWriter(_path, new RecordingHeader { Scenario = "T", ScenarioSource = "embedded:default", StartedAt = Start, ClusterMode = "Sandbox" }, SecretScrubber.None);
        // Part 1 at 0 s, part 2 at 60 s, part 3 at 120 s; the recording ends at 180 s.
        for (var part = 1; part <= 3; part++)
        {
            writer.Append(RecordingStreams.Session, new SessionSnapshot { Version = part, Position = SessionPosition.ForPart(part) }, Start.AddSeconds((part - 1) * 60));
        }

        writer.Append(RecordingStreams.Session, new SessionSnapshot { Version = 9, Position = SessionPosition.ForPart(3), Driver = "alice" }, Start.AddSeconds(180));
    }

    public void Dispose()
    {
        _player.Dispose();
        File.Delete(_path);
    }

    private async Task<SessionSnapshot> ShownSessionAsync(Func<SessionSnapshot, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var snapshot in _screens.FollowAsync<SessionSnapshot>(RecordingStreams.Session, Live, null, timeout.Token))
        {
            if (until(snapshot))
            {
                return snapshot;
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    private static async IAsyncEnumerable<SessionSnapshot> Live([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SessionSnapshot { Version = 1000 };
        // A live source that has nothing more to say until the screen lets go of it.
        await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
    }

    [Fact]
    public async Task Open_ScreensShowTheRecordingInsteadOfLive_AndLeaveReturnsToLive()
    {
        Assert.Equal(1000, (await ShownSessionAsync(_ => true)).Version);

        _player.Open(Alice, "r.jsonl", RecordingReader.Read(_path));

        Assert.Equal(1, (await ShownSessionAsync(s => s.Version != 1000)).CurrentPart);
        Assert.True(_screens.Replaying);
        Assert.Equal([new ReplayPart(1, TimeSpan.Zero), new ReplayPart(2, TimeSpan.FromSeconds(60)), new ReplayPart(3, TimeSpan.FromSeconds(120))], _player.Status.Parts);

        _player.Leave(Alice);

        Assert.Equal(1000, (await ShownSessionAsync(s => s.Version == 1000)).Version);
        Assert.False(_screens.Replaying);
    }

    [Fact]
    public async Task JumpToPart_ShowsThatMomentAndContinuesAtTheChosenSpeed()
    {
        _player.Open(Alice, "r.jsonl", RecordingReader.Read(_path));
        _player.SetSpeed(Alice, 8);

        _player.JumpToPart(Alice, 2);
        Assert.Equal(2, (await ShownSessionAsync(s => s.Version != 1000)).CurrentPart);
        Assert.Equal(TimeSpan.FromSeconds(60), _player.Status.Position);

        // 8 s of wall time at 8x is 64 s of the recording: past the start of part 3 at 120 s.
        for (var i = 0; i < 80; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(3, (await ShownSessionAsync(s => s.CurrentPart == 3)).CurrentPart);
        Assert.Equal(3, _player.Status.CurrentPart);
    }

    [Fact]
    public void StepPart_AndControls_ArePresenterOnly()
    {
        _player.Open(Alice, "r.jsonl", RecordingReader.Read(_path));

        Assert.False(_player.StepPart(Actor.Viewer("v"), 1).Succeeded);
        Assert.False(_player.Leave(Actor.Viewer("v")).Succeeded);
        Assert.False(_player.SetSpeed(Alice, 3).Succeeded);
        Assert.True(_player.StepPart(Alice, 1).Succeeded);
        Assert.Equal(2, _player.Status.CurrentPart);
        Assert.False(_player.JumpToPart(Alice, 6).Succeeded);
    }

    [Fact]
    public void Executor_DuringReplay_RefusesEveryRun()
    {
        var handler = new GatedActionHandler();
        using var executor = new ActionExecutor(new TestScenarioSource(TestScenarios.ThreeParts(TestScenarios.Action("burst", "gated", part: 3))),
            [handler], TimeProvider.System, NullLogger<ActionExecutor>.Instance, _screens);
        _player.Open(Alice, "r.jsonl", RecordingReader.Read(_path));

        var refused = executor.Start(Alice, "burst");

        Assert.False(refused.Started);
        Assert.Contains("replayed", refused.Error);
        Assert.Equal(0, handler.Runs);
        Assert.False(executor.List(Alice).Single().CanRun);

        _player.Leave(Alice);
        Assert.True(executor.List(Alice).Single().CanRun);
    }
}
