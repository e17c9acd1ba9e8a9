using DemoConsole.Core.Messages;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Live;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Recording;

/// <summary>
/// Records the session while switched on: the session (pages, timers, checklist) and the run board from their own
/// streams, and every other snapshot a screen showed as the screens offer it (<see cref="Offer"/>), so metrics are
/// recorded as they were seen without polling Prometheus for a screen nobody has open. Switching on starts a new file.
/// </summary>
public sealed partial class Recorder : IDisposable
{
    private readonly Lock _gate = new();
    private readonly RecorderSettings _settings;
    private readonly DemoSession _session;
    private readonly ActionExecutor _executor;
    private readonly IScenarioSource _scenarios;
    private readonly TimeProvider _time;
    private readonly ILogger<Recorder> _logger;
    private readonly SnapshotBroadcaster<RecorderStatus> _status;
    private readonly IRecordingReplicas? _replicas;
    private RecordingWriter? _writer;
    private CancellationTokenSource? _follow;

    /// <param name="replicas">With console replicas, the shared switch and recordings (see <see cref="IRecordingReplicas"/>).</param>
    public Recorder(RecorderSettings settings, DemoSession session, ActionExecutor executor, IScenarioSource scenarios, TimeProvider time, ILogger<Recorder> logger,
        IRecordingReplicas? replicas = null)
    {
        _replicas = replicas;
        _settings = settings;
        _session = session;
        _executor = executor;
        _scenarios = scenarios;
        _time = time;
        _logger = logger;
        _status = new SnapshotBroadcaster<RecorderStatus>(RecorderStatus.Off(settings.Store is not null));
    }

    public RecorderStatus Status => _status.Current;

    /// <summary>Raised after a line was written (on the writing thread; keep it short): with replicas, it is sent on soon.</summary>
    public event Action? LineWritten;

    public IAsyncEnumerable<RecorderStatus> WatchAsync(CancellationToken cancellationToken) => _status.SubscribeAsync(cancellationToken);

    /// <summary>The recordings folder; null when the console keeps no state.</summary>
    public RecordingStore? Store => _settings.Store;

    /// <summary>Deletes a recording (not the one being written). Presenters only.</summary>
    public CommandResult Delete(Actor actor, string name)
    {
        if (!actor.IsPresenter)
        {
            return CommandResult.Refused(new UiMessage("Recording_PresenterOnlyDelete"));
        }

        if (_settings.Store is not { } store)
        {
            return CommandResult.Refused(new UiMessage("Recording_NoFolder"));
        }

        if (string.Equals(name, Status.FileName, StringComparison.Ordinal))
        {
            return CommandResult.Refused(new UiMessage("Recording_BeingWritten"));
        }

        // With replicas, the shared one first (it must go for every replica), then this replica's copy, which may not be here yet.
        var deletedShared = false;
        if (_replicas is not null)
        {
            if (_replicas.Delete(name) is not { } found)
            {
                return CommandResult.Refused(new UiMessage("Recording_SharedUnreachable"));
            }

            deletedShared = found;
        }

        var deletedHere = store.Delete(name, CurrentPath);
        return deletedHere || deletedShared ? CommandResult.Ok : CommandResult.Refused(new UiMessage("Recording_NotFound", name));
    }

    /// <summary>
    /// The file being written now, or null. With replicas, on one that does not record: its copy of the leader's
    /// recording in progress (null until it has one).
    /// </summary>
    public string? CurrentPath => _writer?.Path ?? (Status is { Recording: true, FileName: { } name } ? _settings.Store?.PathOf(name) : null);

    /// <summary>What start-up does: switch on when the settings say so.</summary>
    public void StartIfOnByDefault()
    {
        if (_settings.OnAtStart && _replicas is not null && _settings.Store is not null)
        {
            _replicas.SwitchOnUnlessSet();
        }
        else if (_settings.OnAtStart)
        {
            Switch(Actor.Presenter("console"), on: true);
        }
    }

    /// <summary>Switches recording on (a new file) or off. Presenters only; refused when there is no folder to record to.</summary>
    public CommandResult Switch(Actor actor, bool on)
    {
        if (!actor.IsPresenter)
        {
            return CommandResult.Refused(new UiMessage("Recording_PresenterOnlySwitch"));
        }

        if (_settings.Store is not { } store)
        {
            return CommandResult.Refused(new UiMessage("Recording_NeedsStateFolder"));
        }

        return _replicas is not null ? _replicas.Switch(on) : RecordHere(store, on);
    }

    private CommandResult RecordHere(RecordingStore store, bool on)
    {
        lock (_gate)
        {
            if (on == _writer is not null)
            {
                return CommandResult.Ok;
            }

            return on ? Open(store) : Close();
        }
    }

    /// <summary>A snapshot a screen showed on <paramref name="stream"/>; written when recording and different from the stream's last.</summary>
    public void Offer(string stream, object snapshot)
    {
        if (stream is RecordingStreams.Session or RecordingStreams.Runs)
        {
            return; // Recorded from their own streams, every change, not at a screen's pace.
        }

        if (!HandedToTheRecordingReplica(stream, snapshot))
        {
            Write(stream, snapshot);
        }
    }

    private void Write(string stream, object snapshot)
    {
        var writer = Volatile.Read(ref _writer);
        if (writer is null)
        {
            return;
        }

        try
        {
            if (writer.Append(stream, snapshot, _time.GetUtcNow()))
            {
                LineWritten?.Invoke();
            }
        }
        catch (IOException ex)
        {
            // A full disk must not take the demo down: the recording stops, the demo goes on.
            LogWriteFailed(ex, writer.Path);
            lock (_gate)
            {
                if (ReferenceEquals(_writer, writer))
                {
                    Close();
                }
            }
        }
    }

    private CommandResult Open(RecordingStore store)
    {
        var scenario = _scenarios.Current.Scenario;
        var header = new RecordingHeader
        {
            Scenario = scenario.Title,
            ScenarioSource = scenario.Source,
            ScenarioMarkdown = ScenarioMarkdown(scenario),
            StartedAt = _time.GetUtcNow(),
            ClusterMode = _settings.ClusterMode,
        };
        try
        {
            _writer = new RecordingWriter(store.NewPath(header), header, new SecretScrubber(_settings.Secrets()));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(ex, store.Folder);
            return CommandResult.Refused(new UiMessage("Recording_CannotCreate", store.Folder, ex.Message));
        }

        _follow = new CancellationTokenSource();
        _ = FollowAsync(RecordingStreams.Session, _session.WatchAsync, _follow.Token);
        _ = FollowAsync(RecordingStreams.Runs, _executor.WatchAsync, _follow.Token);
        _status.Publish(new RecorderStatus(true, true, Path.GetFileName(_writer.Path), header.StartedAt));
        LogStarted(_writer.Path);
        return CommandResult.Ok;
    }

    private CommandResult Close()
    {
        _follow?.Cancel();
        _follow?.Dispose();
        _follow = null;
        _writer?.Dispose();
        _writer = null;
        _status.Publish(RecorderStatus.Off(_settings.Store is not null));
        return CommandResult.Ok;
    }

    private async Task FollowAsync<T>(string stream, Func<CancellationToken, IAsyncEnumerable<T>> source, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await foreach (var snapshot in source(cancellationToken))
            {
                Write(stream, snapshot);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Recording switched off.
        }
    }

    /// <summary>A scenario file's text travels with the recording; the embedded default is in every console.</summary>
    private static string? ScenarioMarkdown(Scenario scenario)
    {
        if (scenario.Source == DefaultScenario.SourceName || !File.Exists(scenario.Source))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(scenario.Source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording the session to {Path}")]
    private partial void LogStarted(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording stopped: {Path} could not be written")]
    private partial void LogWriteFailed(Exception exception, string path);
}
