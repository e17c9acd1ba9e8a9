using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Scenarios;

public sealed class FileScenarioSourceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly string _directory = Directory.CreateTempSubdirectory("scenario-source-").FullName;

    private string ScenarioPath => Path.Combine(_directory, "demo.md");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Constructor_ValidFile_LoadsItWithoutProblems()
    {
        File.WriteAllText(ScenarioPath, Runbook("First"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));

        using var source = new FileScenarioSource(ScenarioPath, clock);

        Assert.Equal("First", source.Current.Scenario.Title);
        Assert.Equal(ScenarioPath, source.Current.Scenario.Source);
        Assert.Empty(source.Current.Problems);
        Assert.Equal(clock.GetUtcNow(), source.Current.LoadedAt);
    }

    [Fact]
    public void Constructor_MissingFile_FallsBackToDefaultAndReportsIt()
    {
        using var source = new FileScenarioSource(ScenarioPath);

        Assert.Same(DefaultScenario.Load(), source.Current.Scenario);
        var problem = Assert.Single(source.Current.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Contains("not found", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingFile_FallsBackToTheGivenBuiltInLanguage()
    {
        using var source = new FileScenarioSource(ScenarioPath, fallback: DefaultScenario.Load("en"));

        Assert.Same(DefaultScenario.Load("en"), source.Current.Scenario);
        Assert.Single(source.Current.Problems);
    }

    [Fact]
    public void Constructor_BrokenFile_FallsBackToDefaultWithItsProblems()
    {
        File.Copy(TestFiles.FixturePath("bad-parts.md"), ScenarioPath);

        using var source = new FileScenarioSource(ScenarioPath);

        Assert.Same(DefaultScenario.Load(), source.Current.Scenario);
        Assert.Equal([10, 15, 15], source.Current.Problems.Select(p => p.Line));
    }

    [Fact]
    public async Task FileChanged_ValidEdit_ReloadsAndSubscribersSeeIt()
    {
        File.WriteAllText(ScenarioPath, Runbook("First"));
        using var source = new FileScenarioSource(ScenarioPath, debounce: TimeSpan.FromMilliseconds(50));
        var reloaded = WaitForStateAsync(source, s => s.Scenario.Title == "Second");

        File.WriteAllText(ScenarioPath, Runbook("Second"));

        var state = await reloaded;
        Assert.Empty(state.Problems);
        Assert.Equal("Second", source.Current.Scenario.Title);
    }

    [Fact]
    public async Task FileReplaced_EditorSavesByRename_Reloads()
    {
        File.WriteAllText(ScenarioPath, Runbook("First"));
        using var source = new FileScenarioSource(ScenarioPath, debounce: TimeSpan.FromMilliseconds(50));
        var reloaded = WaitForStateAsync(source, s => s.Scenario.Title == "Renamed");
        var temporary = Path.Combine(_directory, "demo.md.tmp");

        File.WriteAllText(temporary, Runbook("Renamed"));
        File.Move(temporary, ScenarioPath, overwrite: true);

        Assert.Empty((await reloaded).Problems);
    }

    [Fact]
    public async Task FileChanged_BrokenEdit_KeepsLastGoodScenarioAndReportsProblems()
    {
        File.WriteAllText(ScenarioPath, Runbook("Good"));
        using var source = new FileScenarioSource(ScenarioPath, debounce: TimeSpan.FromMilliseconds(50));
        var broken = WaitForStateAsync(source, s => s.Problems.Count > 0);

        File.Copy(TestFiles.FixturePath("no-parts.md"), ScenarioPath, overwrite: true);

        var state = await broken;
        Assert.Equal("Good", state.Scenario.Title);
        Assert.Equal((3, ProblemSeverity.Error), (state.Problems[0].Line, state.Problems[0].Severity));

        var fixedAgain = WaitForStateAsync(source, s => s.Problems.Count == 0);
        File.WriteAllText(ScenarioPath, Runbook("Fixed"));
        Assert.Equal("Fixed", (await fixedAgain).Scenario.Title);
    }

    [Fact]
    public void OnFileEvent_BurstOfEvents_ReloadsOnceAfterTheQuietPeriod()
    {
        // The file is not written after the source starts, so the real watcher stays quiet and only the
        // events raised here (on the fake clock) drive the debounce.
        File.WriteAllText(ScenarioPath, Runbook("First"));
        var clock = new FakeTimeProvider();
        using var source = new FileScenarioSource(ScenarioPath, clock, TimeSpan.FromMilliseconds(300));
        var initial = source.Current;

        source.OnFileEvent();
        clock.Advance(TimeSpan.FromMilliseconds(200));
        source.OnFileEvent();
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Same(initial, source.Current);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        var state = source.Current;
        Assert.NotSame(initial, state);
        Assert.Equal("First", state.Scenario.Title);
        Assert.Equal(clock.GetUtcNow(), state.LoadedAt);
    }

    [Fact]
    public async Task WatchAsync_Reload_SubscriberGetsTheCurrentStateThenTheReloadedOne()
    {
        File.WriteAllText(ScenarioPath, Runbook("First"));
        using var source = new FileScenarioSource(ScenarioPath);
        using var cancel = new CancellationTokenSource(Timeout);
        await using var states = source.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await states.MoveNextAsync());
        Assert.Equal("First", states.Current.Scenario.Title);

        File.WriteAllText(ScenarioPath, Runbook("Second"));
        source.Reload();

        Assert.True(await states.MoveNextAsync());
        Assert.Equal("Second", states.Current.Scenario.Title);
    }

    [Fact]
    public void Reload_FileDeleted_KeepsScenarioAndReportsMissingFile()
    {
        File.WriteAllText(ScenarioPath, Runbook("First"));
        using var source = new FileScenarioSource(ScenarioPath);
        File.Delete(ScenarioPath);

        source.Reload();

        Assert.Equal("First", source.Current.Scenario.Title);
        Assert.Contains("not found", Assert.Single(source.Current.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaticSource_Default_ServesTheDefaultScenarioWithoutProblems()
    {
        var source = new StaticScenarioSource(DefaultScenario.Load());

        Assert.Same(DefaultScenario.Load(), source.Current.Scenario);
        Assert.Empty(source.Current.Problems);
    }

    private static string Runbook(string title) =>
        $"# {title}\n\n## Scenario\n\n### Part 1: Only part\n\n**Script**:\n> \"Hello from {title}.\"\n";

    /// <summary>Completes with the first state (current or published later) that matches; fails after <see cref="Timeout"/>.</summary>
    private static Task<ScenarioState> WaitForStateAsync(IScenarioSource source, Func<ScenarioState, bool> predicate) =>
        AsyncWait.ForAsync(source.WatchAsync, predicate, "the scenario state", Timeout);
}
