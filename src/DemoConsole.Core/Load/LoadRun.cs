namespace DemoConsole.Core.Load;

/// <summary>One run: owns its connections, its figures and its cancellation.</summary>
internal sealed class LoadRun : ILoadRun
{
    private static readonly TimeSpan DefaultWatchInterval = TimeSpan.FromMilliseconds(100);

    private readonly ResolvedPlan _plan;
    private readonly TimeProvider _timeProvider;
    private readonly LoadRunFeed _feed;
    private readonly LoadRecorder _recorder;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource<LoadResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OpenScheduler? _scheduler;
    private Task _pump = Task.CompletedTask;

    public LoadRun(ResolvedPlan plan, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _plan = plan;
        _timeProvider = timeProvider;
        Id = Guid.NewGuid();
        StartedAt = timeProvider.GetUtcNow();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _recorder = new LoadRecorder(Id, plan, timeProvider, OnChanged);
        _feed = new LoadRunFeed(_recorder.Snapshot, timeProvider);
    }

    public Guid Id { get; }

    public LoadPlan Plan => _plan.Source;

    public DateTimeOffset StartedAt { get; }

    public Task<LoadResult> Completion => _completion.Task;

    /// <summary>See <see cref="OpenScheduler.ParkedBefore"/>; 0 for closed runs.</summary>
    internal long SchedulerParkedBefore => _scheduler?.ParkedBefore ?? 0;

    /// <summary>Readers currently subscribed through <see cref="WatchAsync"/>.</summary>
    internal int WatcherCount => _feed.Readers;

    public LoadSnapshot GetSnapshot() => _recorder.Snapshot();

    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished and disposed: nothing left to stop.
        }
    }

    public IAsyncEnumerable<LoadSnapshot> WatchAsync(TimeSpan? minInterval = null, CancellationToken cancellationToken = default) =>
        _feed.WatchAsync(minInterval ?? DefaultWatchInterval, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Stop();
        await Completion;
        await _pump;
        _stop.Dispose();
        _feed.Dispose();
    }

    internal void Start()
    {
        _pump = Task.Run(_feed.PumpAsync);
        _ = Task.Run(ExecuteAsync);
    }

    private void OnChanged() => _feed.Changed();

    private async Task ExecuteAsync()
    {
        string? failure = null;
        using var invoker = new HttpMessageInvoker(CreateHandler(_plan), disposeHandler: true);
        var handler = new HandlerExchange(invoker, _plan);
        var sender = new RequestSender(_plan, _recorder, _timeProvider);
        try
        {
            if (_plan.Model == LoadModel.Closed)
            {
                Func<IHttpExchange> exchange = RawHttpConnection.CanSend(_plan) ? () => new RawHttpConnection(_plan.RequestUri) : () => handler;
                await new ClosedWorkers(_plan, sender, _recorder, _timeProvider, exchange).RunAsync(_stop.Token);
            }
            else
            {
                _scheduler = new OpenScheduler(_plan, sender, handler, _recorder, _timeProvider);
                await _scheduler.RunAsync(_stop.Token);
            }
        }
#pragma warning disable CA1031 // The run's task must end with a result the UI can show, whatever went wrong.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failure = exception.Message;
        }

        var state = failure is not null ? LoadRunState.Failed
            : _stop.IsCancellationRequested ? LoadRunState.Stopped
            : LoadRunState.Completed;
        _recorder.Finish(state, failure);
        _feed.Finish();
        _completion.TrySetResult(new LoadResult(Plan, _recorder.Snapshot()));
    }

    private static SocketsHttpHandler CreateHandler(ResolvedPlan plan) => new()
    {
        // Bounded connections; the engine's own limits decide what waits and what is dropped.
        MaxConnectionsPerServer = plan.Connections,
        ConnectTimeout = plan.Timeout,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    };
}
