using System.Runtime.CompilerServices;

namespace DemoConsole.Core.Load;

/// <summary>One run: owns its connections, its figures and its cancellation.</summary>
internal sealed class LoadRun : ILoadRun
{
    private static readonly TimeSpan DefaultWatchInterval = TimeSpan.FromMilliseconds(100);

    private readonly ResolvedPlan _plan;
    private readonly TimeProvider _timeProvider;
    private readonly ChangeNotifier _notifier = new();
    private readonly LoadRecorder _recorder;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource<LoadResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OpenScheduler? _scheduler;

    public LoadRun(ResolvedPlan plan, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _plan = plan;
        _timeProvider = timeProvider;
        Id = Guid.NewGuid();
        StartedAt = timeProvider.GetUtcNow();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _recorder = new LoadRecorder(Id, plan, timeProvider, _notifier.Notify);
    }

    public Guid Id { get; }

    public LoadPlan Plan => _plan.Source;

    public DateTimeOffset StartedAt { get; }

    public Task<LoadResult> Completion => _completion.Task;

    /// <summary>See <see cref="OpenScheduler.ParkedBefore"/>; 0 for closed runs.</summary>
    internal long SchedulerParkedBefore => _scheduler?.ParkedBefore ?? 0;

    /// <summary>Readers currently subscribed through <see cref="WatchAsync"/>.</summary>
    internal int WatcherCount => _notifier.Count;

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

    public async IAsyncEnumerable<LoadSnapshot> WatchAsync(
        TimeSpan? minInterval = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var interval = minInterval ?? DefaultWatchInterval;
        var subscription = _notifier.Subscribe();
        try
        {
            var snapshot = GetSnapshot();
            yield return snapshot;
            while (snapshot.State == LoadRunState.Running)
            {
                await subscription.WaitAsync(cancellationToken);
                if (interval > TimeSpan.Zero && _recorder.State == LoadRunState.Running)
                {
                    // Coalesce: whatever happens during the pause arrives as one snapshot.
                    await Task.Delay(interval, _timeProvider, cancellationToken);
                }

                var next = GetSnapshot();
                if (next.Version == snapshot.Version)
                {
                    continue;
                }

                snapshot = next;
                yield return snapshot;
            }
        }
        finally
        {
            _notifier.Unsubscribe(subscription);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await Completion;
        _stop.Dispose();
    }

    internal void Start() => _ = Task.Run(ExecuteAsync);

    private async Task ExecuteAsync()
    {
        string? failure = null;
        using var invoker = new HttpMessageInvoker(CreateHandler(_plan), disposeHandler: true);
        var sender = new RequestSender(invoker, _plan, _recorder, _timeProvider);
        try
        {
            if (_plan.Model == LoadModel.Closed)
            {
                await new ClosedWorkers(_plan, sender, _recorder, _timeProvider).RunAsync(_stop.Token);
            }
            else
            {
                _scheduler = new OpenScheduler(_plan, sender, _recorder, _timeProvider);
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
