using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Recording;

public sealed class RehearsalRunsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("rehearsal-runs-").FullName;
    private readonly RecordingStore _store;
    private readonly ActionExecutor _executor;
    private readonly RehearsalRuns _rehearsals;

    public RehearsalRunsTests()
    {
        _store = new RecordingStore(_folder);
        var source = new TestScenarioSource(TestScenarios.ThreeParts(TestScenarios.Action("burst", "gated", part: 3)));
        _executor = new ActionExecutor(source, [new GatedActionHandler()], TimeProvider.System, NullLogger<ActionExecutor>.Instance);
        var recorder = new Recorder(new RecorderSettings(_store, false, "Sandbox", () => []), new DemoSession(source, TimeProvider.System, NullLogger<DemoSession>.Instance),
            _executor, source, TimeProvider.System, NullLogger<Recorder>.Instance);
        _rehearsals = new RehearsalRuns(recorder);
    }

    public void Dispose()
    {
        _executor.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Record(DateTimeOffset at, params ActionRunSnapshot[] runs)
    {
        var header = new RecordingHeader { Scenario = "T", ScenarioSource = "embedded:default", StartedAt = at, ClusterMode = "Sandbox" };
        using var writer = new RecordingWriter(_store.NewPath(header), header, SecretScrubber.None);
        writer.Append(RecordingStreams.Runs, new RunBoard(1, [.. runs]), at.AddSeconds(10));
    }

    private static ActionRunSnapshot Run(string id, string action, ActionRunStatus status, DateTimeOffset at) => new()
    {
        RunId = id, ActionId = action, Kind = "gated", Title = action, StartedBy = "alice", StartedAt = at, EndedAt = at.AddSeconds(5), Status = status, Message = UiMessage.Verbatim(id),
    };

    [Fact]
    public void Show_TakesTheNewestSuccessfulRecordedRunOfTheAction()
    {
        Record(Start, Run("old-ok", "burst", ActionRunStatus.Succeeded, Start));
        Record(Start.AddHours(1), Run("newer-ok", "burst", ActionRunStatus.Succeeded, Start.AddHours(1)), Run("other", "kill", ActionRunStatus.Succeeded, Start.AddHours(1)));
        Record(Start.AddHours(2), Run("newest-failed", "burst", ActionRunStatus.Failed, Start.AddHours(2)));

        Assert.True(_rehearsals.Show(Actor.Presenter("alice"), "burst").Succeeded);

        var shown = _rehearsals.Shown["burst"];
        Assert.Equal("newer-ok", shown.Run.RunId);
        Assert.Equal(Start.AddHours(1), shown.RecordedAt);
    }

    [Fact]
    public void Show_NoRecordedRunOrAViewer_IsRefused()
    {
        Record(Start, Run("ok", "burst", ActionRunStatus.Succeeded, Start));

        Assert.False(_rehearsals.Show(Actor.Presenter("alice"), "kill").Succeeded);
        Assert.False(_rehearsals.Show(Actor.Viewer("audience"), "burst").Succeeded);
        Assert.Empty(_rehearsals.Shown);
    }
}
