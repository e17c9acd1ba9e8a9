using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Session;

public class DemoSessionTests
{
    private static readonly Actor Alice = Actor.Presenter("alice");
    private static readonly Actor Bob = Actor.Presenter("bob");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly DemoSession _session;

    public DemoSessionTests() =>
        _session = new DemoSession(new TestScenarioSource(TestScenarios.ThreeParts()), _time, NullLogger<DemoSession>.Instance);

    [Fact]
    public void GoTo_Part_MovesSessionStartsTimersAndMakesCallerDriver()
    {
        var result = _session.GoTo(Alice, SessionPosition.ForPart(2));

        Assert.True(result.Succeeded);
        Assert.Equal(2, _session.Snapshot.CurrentPart);
        Assert.Equal("alice", _session.Snapshot.Driver);
        Assert.Equal(_time.GetUtcNow(), _session.Snapshot.Timers.StartedAt);
    }

    [Fact]
    public void SetAudienceTheme_ByAPresenterWhoDoesNotDrive_ChangesItForEveryScreen()
    {
        _session.GoTo(Alice, SessionPosition.ForPart(1));
        Assert.Equal(AudienceTheme.Projector, _session.Snapshot.AudienceTheme);

        var result = _session.SetAudienceTheme(Bob, AudienceTheme.Light);

        Assert.True(result.Succeeded);
        Assert.Equal(AudienceTheme.Light, _session.Snapshot.AudienceTheme);
        Assert.Equal("alice", _session.Snapshot.Driver);
    }

    [Fact]
    public void SetAudienceTheme_AsViewerOrUnknownTheme_IsRefused()
    {
        var before = _session.Snapshot;

        Assert.False(_session.SetAudienceTheme(Actor.Viewer("audience"), AudienceTheme.Light).Succeeded);
        Assert.False(_session.SetAudienceTheme(Alice, (AudienceTheme)42).Succeeded);
        Assert.Same(before, _session.Snapshot);
    }

    [Fact]
    public void Restore_SavedLightTheme_KeepsIt()
    {
        _session.Restore(new SessionSnapshot { AudienceTheme = AudienceTheme.Light });

        Assert.Equal(AudienceTheme.Light, _session.Snapshot.AudienceTheme);
    }

    [Fact]
    public void GoTo_UnknownPart_IsRefusedAndNothingChanges()
    {
        var before = _session.Snapshot;

        var result = _session.GoTo(Alice, SessionPosition.ForPart(9));

        Assert.False(result.Succeeded);
        Assert.Contains("/present/9", result.Error);
        Assert.Same(before, _session.Snapshot);
    }

    [Fact]
    public void GoTo_AsViewer_IsRefused()
    {
        var result = _session.GoTo(Actor.Viewer("audience"), SessionPosition.ForPart(1));

        Assert.False(result.Succeeded);
        Assert.Equal(SessionPosition.Overview, _session.Snapshot.Position);
    }

    [Fact]
    public void GoTo_WhileAnotherPresenterDrives_IsRefusedWithTheDriversName()
    {
        _session.GoTo(Alice, SessionPosition.ForPart(1));

        var result = _session.GoTo(Bob, SessionPosition.ForPart(3));

        Assert.False(result.Succeeded);
        Assert.Contains("alice is driving", result.Error);
        Assert.Equal(1, _session.Snapshot.CurrentPart);
    }

    [Fact]
    public void GoTo_AsRemote_FollowsWhoeverDrives()
    {
        _session.GoTo(Alice, SessionPosition.ForPart(1));

        var result = _session.GoTo(Actor.Presenter(DemoSession.RemoteName), SessionPosition.ForPart(3));

        Assert.True(result.Succeeded);
        Assert.Equal("alice", _session.Snapshot.Driver);
    }

    [Fact]
    public void TakeControl_ThenNavigate_Works()
    {
        _session.GoTo(Alice, SessionPosition.ForPart(1));

        Assert.True(_session.TakeControl(Bob).Succeeded);
        Assert.True(_session.GoTo(Bob, SessionPosition.ForPart(2)).Succeeded);
        Assert.False(_session.GoTo(Alice, SessionPosition.ForPart(3)).Succeeded);
    }

    [Fact]
    public void HandOver_ToConnectedPresenter_MovesControl()
    {
        _session.Connect("c1", Alice);
        _session.Connect("c2", Bob);
        _session.TakeControl(Alice);

        Assert.True(_session.HandOver(Alice, "bob").Succeeded);
        Assert.Equal("bob", _session.Snapshot.Driver);
        Assert.False(_session.HandOver(Alice, "carol").Succeeded);
    }

    [Fact]
    public void PresentElsewhere_IsListedWithThoseHere_AndControlCanBeHandedToThem()
    {
        _session.Connect("c1", Alice);
        _session.TakeControl(Alice);

        _session.SetPresentElsewhere(["carol"]);

        Assert.Equal(["alice", "carol"], _session.Snapshot.Presenters);
        Assert.Equal(["alice"], _session.PresentHere);
        Assert.True(_session.HandOver(Alice, "carol").Succeeded);
        _session.SetPresentElsewhere([]);
        Assert.Equal(["alice"], _session.Snapshot.Presenters);
    }

    [Fact]
    public void Connect_Disconnect_TracksPresentersButNotViewers()
    {
        _session.Connect("c1", Alice);
        _session.Connect("c2", Alice);
        _session.Connect("c3", Actor.Viewer("audience"));

        Assert.Equal(["alice"], _session.Snapshot.Presenters);
        _session.Disconnect("c1");
        Assert.Equal(["alice"], _session.Snapshot.Presenters);
        _session.Disconnect("c2");
        Assert.Empty(_session.Snapshot.Presenters);
    }

    [Theory]
    [InlineData(1, "/present/prep")]
    [InlineData(2, "/present/1")]
    [InlineData(100, "/present/checklists")]
    [InlineData(-5, "/present")]
    public void Step_FromOverview_WalksThePageSequenceAndClamps(int step, string expected)
    {
        _session.Step(Alice, step);

        Assert.Equal(expected, _session.Snapshot.Position.PresenterPath);
    }

    [Fact]
    public void SetChecklistItem_AnyPresenter_RecordsWhoAndWhen()
    {
        _session.TakeControl(Alice);

        Assert.True(_session.SetChecklistItem(Bob, "day-of-1", done: true).Succeeded);
        Assert.Equal("bob", _session.Snapshot.Checklist["day-of-1"].By);
        Assert.True(_session.SetChecklistItem(Alice, "day-of-1", done: false).Succeeded);
        Assert.Empty(_session.Snapshot.Checklist);
        Assert.False(_session.SetChecklistItem(Bob, "no-such-item", done: true).Succeeded);
        Assert.False(_session.SetChecklistItem(Actor.Viewer("v"), "day-of-2", done: true).Succeeded);
    }

    [Fact]
    public async Task WatchAsync_AfterAChange_DeliversTheNewSnapshot()
    {
        var seen = AsyncWait.ForAsync(_session.WatchAsync, s => s.CurrentPart == 3, "part 3 in the stream");

        _session.GoTo(Alice, SessionPosition.ForPart(3));

        var snapshot = await seen;
        Assert.Equal("alice", snapshot.Driver);
    }

    [Fact]
    public void PauseTimers_ThenTimeGoesBy_TimersStandStill()
    {
        _session.GoTo(Alice, SessionPosition.ForPart(1));
        _time.Advance(TimeSpan.FromMinutes(1));
        _session.PauseTimers(Alice);
        _time.Advance(TimeSpan.FromMinutes(5));

        var readout = _session.ReadTimers();

        Assert.True(readout.Paused);
        Assert.Equal(TimeSpan.FromMinutes(1), readout.TotalElapsed);
        _session.ResumeTimers(Alice);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(2), _session.ReadTimers().PartElapsed);
    }
}
