using DemoConsole.Core.Messages;
using DemoConsole.Core.Live;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Recording.Replay;

/// <summary>
/// Plays a recording on every screen: opens it, moves a replay clock at the chosen speed and shows each recorded
/// snapshot on its stream (<see cref="ReplayScreens"/>) when the clock passes its moment; pauses, jumps to a part
/// (every stream shows what it showed at that moment) and leaves back to live. Presenters only.
/// </summary>
public sealed partial class ReplayPlayer : IDisposable
{
    /// <summary>The speeds offered: real time and faster.</summary>
    public static readonly IReadOnlyList<double> Speeds = [1, 2, 4, 8];

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly ReplayScreens _screens;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplayPlayer> _logger;
    private readonly SnapshotBroadcaster<ReplayStatus> _status = new(ReplayStatus.Live);
    private RecordingContent? _content;
    private RecordingCursor? _cursor;
    private CancellationTokenSource? _clock;

    public ReplayPlayer(ReplayScreens screens, TimeProvider time, ILogger<ReplayPlayer> logger)
    {
        _screens = screens;
        _time = time;
        _logger = logger;
    }

    public ReplayStatus Status => _status.Current;

    public IAsyncEnumerable<ReplayStatus> WatchAsync(CancellationToken cancellationToken) => _status.SubscribeAsync(cancellationToken);

    /// <summary>Starts replaying <paramref name="content"/> from its beginning at real speed, on every screen.</summary>
    public CommandResult Open(Actor actor, string name, RecordingContent content)
    {
        if (!actor.IsPresenter)
        {
            return CommandResult.Refused(new UiMessage("Replay_PresenterOnly"));
        }

        lock (_gate)
        {
            StopClock();
            _content = content;
            _screens.Begin();
            _status.Publish(new ReplayStatus
            {
                Active = true,
                Name = name,
                Scenario = content.Header.Scenario,
                RecordedAt = content.Header.StartedAt,
                Length = content.Length,
                Parts = FindParts(content),
            });
            Seek(TimeSpan.Zero);
            StartClock();
        }

        LogOpened(name);
        return CommandResult.Ok;
    }

    public CommandResult Pause(Actor actor) => Change(actor, () => Publish(Status with { Paused = true }));

    public CommandResult Resume(Actor actor) => Change(actor, () => Publish(Status with { Paused = false }));

    public CommandResult SetSpeed(Actor actor, double speed) =>
        !Speeds.Contains(speed) ? CommandResult.Refused(new UiMessage("Replay_NoSpeed", speed)) : Change(actor, () => Publish(Status with { Speed = speed }));

    /// <summary>Shows the moment part <paramref name="part"/> began and continues from there (paused stays paused).</summary>
    public CommandResult JumpToPart(Actor actor, int part) =>
        Status.Parts.FirstOrDefault(p => p.Number == part) is not { } found
            ? CommandResult.Refused(new UiMessage("Replay_NoPart", part))
            : Change(actor, () => Seek(found.Offset));

    /// <summary>Steps to the next (+1) or previous (-1) part that the recording reached, in recorded order.</summary>
    public CommandResult StepPart(Actor actor, int step)
    {
        var parts = Status.Parts;
        var index = parts.ToList().FindLastIndex(p => p.Offset <= Status.Position);
        var target = index + step;
        if (step < 0 && index >= 0 && Status.Position - parts[index].Offset > TimeSpan.FromSeconds(2))
        {
            target = index; // Back goes to the start of the part being shown first, like a player's previous button.
        }

        return target < 0 || target >= parts.Count
            ? CommandResult.Refused(new UiMessage(step > 0 ? "Replay_NoLaterPart" : "Replay_NoEarlierPart"))
            : Change(actor, () => Seek(parts[target].Offset));
    }

    /// <summary>Ends the replay: every screen follows the live sources again.</summary>
    public CommandResult Leave(Actor actor)
    {
        if (!actor.IsPresenter)
        {
            return CommandResult.Refused(new UiMessage("Replay_PresenterOnlyLeave"));
        }

        lock (_gate)
        {
            StopClock();
            _content = null;
            _cursor = null;
            _screens.End();
            _status.Publish(ReplayStatus.Live);
        }

        return CommandResult.Ok;
    }

    private CommandResult Change(Actor actor, Action change)
    {
        if (!actor.IsPresenter)
        {
            return CommandResult.Refused(new UiMessage("Replay_PresenterOnlyControl"));
        }

        lock (_gate)
        {
            if (_content is null)
            {
                return CommandResult.Refused(new UiMessage("Replay_NotReplaying"));
            }

            change();
        }

        return CommandResult.Ok;
    }

    /// <summary>Rebuilds every stream as it was at <paramref name="position"/> (from the start: patches only go forward).</summary>
    private void Seek(TimeSpan position)
    {
        var content = _content!;
        _cursor = new RecordingCursor(content);
        _cursor.AdvanceTo(content.Header.StartedAt + position);
        foreach (var stream in _screens.ShownStreams.Except(_cursor.Latest.Keys).ToList())
        {
            _screens.Show(stream, null);
        }

        foreach (var (stream, snapshot) in _cursor.Latest)
        {
            _screens.Show(stream, snapshot);
        }

        Publish(Status with { Position = position });
    }

    private void Advance(TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (_content is null || _cursor is null || Status.Paused || Status.Ended)
            {
                return;
            }

            var position = Status.Position + elapsed * Status.Speed;
            if (position > Status.Length)
            {
                position = Status.Length;
            }

            var until = _content.Header.StartedAt + position;
            while (_cursor.NextAt is { } next && next <= until)
            {
                var (stream, snapshot) = _cursor.Step();
                _screens.Show(stream, snapshot);
            }

            Publish(Status with { Position = position });
        }
    }

    private void Publish(ReplayStatus status) =>
        _status.Publish(status with { CurrentPart = status.Parts.LastOrDefault(p => p.Offset <= status.Position)?.Number ?? 0 });

    private void StartClock()
    {
        _clock = new CancellationTokenSource();
        _ = RunClockAsync(_clock.Token);
    }

    private void StopClock()
    {
        _clock?.Cancel();
        _clock?.Dispose();
        _clock = null;
    }

    private async Task RunClockAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Tick, _time);
        var last = _time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = _time.GetTimestamp();
                Advance(_time.GetElapsedTime(last, now));
                last = now;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Left, or another recording opened.
        }
    }

    /// <summary>Where each part first began in the recording (from the session stream's position).</summary>
    private static List<ReplayPart> FindParts(RecordingContent content)
    {
        var parts = new List<ReplayPart>();
        var cursor = new RecordingCursor(content);
        var previous = -1;
        while (!cursor.AtEnd)
        {
            var at = cursor.NextAt!.Value;
            var (stream, snapshot) = cursor.Step();
            if (stream != RecordingStreams.Session || RecordingShapes.FromNode<SessionSnapshot>(snapshot) is not { } session)
            {
                continue;
            }

            var part = session.CurrentPart;
            if (part != previous && part > 0 && parts.All(p => p.Number != part))
            {
                parts.Add(new ReplayPart(part, at - content.Header.StartedAt));
            }

            previous = part;
        }

        return parts;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            StopClock();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replaying recording {Name}")]
    private partial void LogOpened(string name);
}
