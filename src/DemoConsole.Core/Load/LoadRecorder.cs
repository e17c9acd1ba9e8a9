using System.Runtime.InteropServices;

namespace DemoConsole.Core.Load;

/// <summary>
/// Thread-safe figures of one run. Requests record under one short lock (a few counters and three
/// histogram increments); the costly part of a snapshot (percentiles, copies) is rebuilt only when
/// something changed, so readers polling often cost the engine nothing extra.
/// </summary>
internal sealed class LoadRecorder
{
    private const int MaxTimelineSeconds = 600;

    private readonly object _gate = new();
    private readonly Guid _runId;
    private readonly ResolvedPlan _plan;
    private readonly TimeProvider _timeProvider;
    private readonly Action _changed;
    private readonly LatencyHistogram _latency = new();
    private readonly LatencyHistogram _service = new();
    private readonly LatencyHistogram _lag = new();
    private readonly Dictionary<int, long> _statusCounts = [];
    private readonly Dictionary<LoadErrorClass, long> _errorCounts = [];
    private readonly TimelineCounter _timeline = new(MaxTimelineSeconds);
    private readonly Queue<RequestLine> _lines = new();
    private long _sent;
    private long _responses;
    private long _errors;
    private long _dropped;
    private long _aborted;
    private long _version;
    private long? _end;
    private LoadRunState _state = LoadRunState.Running;
    private string? _failure;
    private Figures? _figures;

    public LoadRecorder(Guid runId, ResolvedPlan plan, TimeProvider timeProvider, Action changed)
    {
        _runId = runId;
        _plan = plan;
        _timeProvider = timeProvider;
        _changed = changed;
        Start = timeProvider.GetTimestamp();
    }

    /// <summary>Timestamp (of the run's <see cref="TimeProvider"/>) the schedule counts from.</summary>
    public long Start { get; }

    public LoadRunState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    // The Record methods run once or twice per request: each takes the lock directly (no closure to allocate),
    // then notifies outside it.
    public void RecordStarted(long intended)
    {
        lock (_gate)
        {
            _sent++;
            _timeline.Add(SecondOf(intended), TimelineCounter.Started);
            _version++;
        }

        _changed();
    }

    public void RecordDropped(long intended)
    {
        lock (_gate)
        {
            _dropped++;
            _timeline.Add(SecondOf(intended), TimelineCounter.Dropped);
            _version++;
        }

        _changed();
    }

    public void RecordAborted()
    {
        lock (_gate)
        {
            _aborted++;
            _version++;
        }

        _changed();
    }

    public void RecordResponse(long index, int status, long intended, long sent, long end)
    {
        var service = _timeProvider.GetElapsedTime(sent, end);
        var latency = _timeProvider.GetElapsedTime(intended, end);
        var lag = _timeProvider.GetElapsedTime(intended, sent);
        var second = SecondOf(end);
        lock (_gate)
        {
            _responses++;
            CollectionsMarshal.GetValueRefOrAddDefault(_statusCounts, status, out _)++;
            _latency.Record(latency);
            _service.Record(service);
            _lag.Record(lag);
            _timeline.Add(second, TimelineCounter.Completed);
            _timeline.AddLatency(second, latency);
            AddLine(index, status, null, service);
            _version++;
        }

        _changed();
    }

    public void RecordError(long index, LoadErrorClass error, long sent, long end)
    {
        var second = SecondOf(end);
        lock (_gate)
        {
            // Errors are counted, not put in the latency histograms: a refused connection is fast and
            // would flatter the percentiles; the percentiles describe responses, as in wrk and hey.
            _errors++;
            _errorCounts[error] = _errorCounts.GetValueOrDefault(error) + 1;
            _timeline.Add(second, TimelineCounter.Completed);
            _timeline.Add(second, TimelineCounter.Errors);
            AddLine(index, null, error, _timeProvider.GetElapsedTime(sent, end));
            _version++;
        }

        _changed();
    }

    public void Finish(LoadRunState state, string? failure) => Update(() =>
    {
        if (_state == LoadRunState.Running)
        {
            _state = state;
            _failure = failure;
            _end = _timeProvider.GetTimestamp();
        }
    });

    public LoadSnapshot Snapshot()
    {
        lock (_gate)
        {
            if (_figures is null || _figures.Version != _version)
            {
                _figures = new Figures(
                    _version,
                    _latency.Summarize(),
                    _service.Summarize(),
                    _lag.Summarize(),
                    new Dictionary<int, long>(_statusCounts),
                    new Dictionary<LoadErrorClass, long>(_errorCounts),
                    _timeline.ToList(),
                    [.. _lines]);
            }

            var figures = _figures;
            var elapsed = _timeProvider.GetElapsedTime(Start, _end ?? _timeProvider.GetTimestamp());
            var completed = _responses + _errors;
            return new LoadSnapshot
            {
                RunId = _runId,
                State = _state,
                Version = _version,
                Elapsed = elapsed,
                Sent = _sent,
                Completed = completed,
                Responses = _responses,
                Errors = _errors,
                Dropped = _dropped,
                Aborted = _aborted,
                AchievedRps = elapsed > TimeSpan.Zero ? completed / elapsed.TotalSeconds : 0,
                Progress = ProgressAt(elapsed, completed),
                Timeline = figures.Timeline,
                Latency = figures.Latency,
                ServiceLatency = figures.Service,
                ScheduleLag = figures.Lag,
                StatusCounts = figures.StatusCounts,
                ErrorCounts = figures.ErrorCounts,
                Requests = figures.Lines,
                Expectation = _plan.Expectation?.Evaluate(figures.StatusCounts, completed),
                Failure = _failure,
            };
        }
    }

    private double ProgressAt(TimeSpan elapsed, long completed)
    {
        if (_state == LoadRunState.Completed)
        {
            return 1;
        }

        var byTime = _plan.Duration is { } duration && duration > TimeSpan.Zero ? Math.Clamp(elapsed / duration, 0, 1) : 0;
        if (_plan.Total is { } total and > 0)
        {
            // Open-style runs progress as the schedule advances; closed runs as requests finish. A closed run with a
            // duration ends at the duration or at the request cap, so it is as far as the nearer of the two.
            var done = _plan.Model == LoadModel.Closed ? completed : _sent + _dropped;
            return Math.Max(byTime, Math.Clamp((double)done / total, 0, 1));
        }

        return byTime;
    }

    private void AddLine(long index, int? status, LoadErrorClass? error, TimeSpan latency)
    {
        var capacity = _plan.RequestLineCapacity;
        if (capacity == 0)
        {
            return;
        }

        if (_lines.Count == capacity)
        {
            _lines.Dequeue();
        }

        _lines.Enqueue(new RequestLine(index, status, error, latency));
    }

    private int SecondOf(long timestamp)
    {
        var elapsed = _timeProvider.GetElapsedTime(Start, timestamp);
        return elapsed <= TimeSpan.Zero ? 0 : (int)(elapsed.Ticks / TimeSpan.TicksPerSecond);
    }

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
            _version++;
        }

        // Outside the lock: notifying only completes waiting readers' signals and never blocks.
        _changed();
    }

    private sealed record Figures(
        long Version,
        LatencySummary Latency,
        LatencySummary Service,
        LatencySummary Lag,
        IReadOnlyDictionary<int, long> StatusCounts,
        IReadOnlyDictionary<LoadErrorClass, long> ErrorCounts,
        IReadOnlyList<LoadSecond> Timeline,
        IReadOnlyList<RequestLine> Lines);
}
