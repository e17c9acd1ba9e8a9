using System.Diagnostics;
using System.Text.Json;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Load.Worker;

/// <summary>
/// A run sent by a load worker process, seen from the console: the snapshots the worker writes are this run's
/// snapshots (under this run's id), fed to screens through the same <see cref="LoadRunFeed"/> an in-process run
/// uses. The run ends when the worker's output ends; a worker that ends without a final snapshot (killed,
/// crashed) leaves the run failed, with its last figures.
/// </summary>
internal sealed class WorkerLoadRun : ILoadRun
{
    private static readonly TimeSpan DefaultWatchInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _worker;
    private readonly LoadRunFeed _feed;
    private readonly TaskCompletionSource<LoadResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private LoadSnapshot _latest;
    private int _stopSent;
    private Task _pump = Task.CompletedTask;

    public WorkerLoadRun(ResolvedPlan plan, Process worker, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _worker = worker;
        Id = Guid.NewGuid();
        Plan = plan.Source;
        StartedAt = timeProvider.GetUtcNow();
        // What the run shows until the worker's first snapshot: nothing sent yet.
        _latest = new LoadRecorder(Id, plan, timeProvider, static () => { }).Snapshot();
        _feed = new LoadRunFeed(() => Volatile.Read(ref _latest), timeProvider);
        _cancellation = cancellationToken.Register(Stop);
    }

    public Guid Id { get; }

    public LoadPlan Plan { get; }

    public DateTimeOffset StartedAt { get; }

    public Task<LoadResult> Completion => _completion.Task;

    public LoadSnapshot GetSnapshot() => Volatile.Read(ref _latest);

    public IAsyncEnumerable<LoadSnapshot> WatchAsync(TimeSpan? minInterval = null, CancellationToken cancellationToken = default) =>
        _feed.WatchAsync(minInterval ?? DefaultWatchInterval, cancellationToken);

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopSent, 1) == 1)
        {
            return;
        }

        try
        {
            _worker.StandardInput.WriteLine(LoadWorkerProtocol.Stop);
            _worker.StandardInput.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The worker is gone already: its output has ended or is about to.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await Completion;
        await _pump;
        await _cancellation.DisposeAsync();
        _feed.Dispose();
        _worker.Dispose();
    }

    internal void Start()
    {
        _pump = Task.Run(_feed.PumpAsync);
        _ = Task.Run(ReadWorkerAsync);
    }

    private async Task ReadWorkerAsync()
    {
        string? refusal = null;
        try
        {
            while (await _worker.StandardOutput.ReadLineAsync() is { } line)
            {
                var message = LoadWorkerProtocol.ReadMessage(line);
                if (message?.Snapshot is { } snapshot)
                {
                    Volatile.Write(ref _latest, snapshot with { RunId = Id });
                    _feed.Changed();
                }
                else if (message?.Problems is { Count: > 0 } problems)
                {
                    refusal = string.Join("; ", problems);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            refusal ??= exception.Message;
        }

        await _worker.WaitForExitAsync();
        var last = Volatile.Read(ref _latest);
        if (last.State == LoadRunState.Running)
        {
            // No final snapshot: the figures so far are all there is, and the run did not end as planned.
            Volatile.Write(ref _latest, last with
            {
                State = LoadRunState.Failed,
                Version = last.Version + 1,
                // Failure is English text, as an engine's exception message is for in-process runs.
                Failure = refusal ?? new UiMessage("Load_WorkerEnded", _worker.ExitCode).ToString(),
            });
        }

        _feed.Finish();
        _completion.TrySetResult(new LoadResult(Plan, Volatile.Read(ref _latest)));
    }
}
