using System.Threading.Channels;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Live;
using DemoConsole.Core.Messages;
using Octokit;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// One followed commit: a background loop polls GitHub (paced by <see cref="RatePacing"/>, ETag'd) until it has nothing
/// more to say, reads every cluster snapshot as it comes, and publishes a new <see cref="PipelineSnapshot"/> through a
/// <see cref="SnapshotBroadcaster{T}"/> whenever something may have changed. It ends at success, failure or timeout.
/// </summary>
internal sealed class PipelineTracking : IPipelineTracking
{
    private readonly GitHubConnection _connection;
    private readonly IClusterViews _cluster;
    private readonly TimeProvider _time;
    private readonly PipelineFollowRequest _request;
    private readonly GitHubProgress _github;
    private readonly StageMarks _marks = new();
    private readonly SnapshotBroadcaster<PipelineSnapshot> _broadcaster;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<PipelineSnapshot> _loop;
    private ClusterViewsSnapshot? _latestCluster;
    private UiMessage? _problem;
    private int _disposed;

    public PipelineTracking(GitHubConnection connection, IClusterViews cluster, TimeProvider time, PipelineFollowRequest request)
    {
        _connection = connection;
        _cluster = cluster;
        _time = time;
        _request = request;
        _github = new GitHubProgress(connection, request);
        _broadcaster = new SnapshotBroadcaster<PipelineSnapshot>(Build(0, PipelineOutcome.Running));
        _loop = Task.Run(RunAsync);
    }

    public PipelineSnapshot Current => _broadcaster.Current;

    public Task<PipelineSnapshot> Completion => _loop;

    public IAsyncEnumerable<PipelineSnapshot> WatchAsync(CancellationToken cancellationToken = default) => _broadcaster.SubscribeAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await ((Task)_loop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task<PipelineSnapshot> RunAsync()
    {
        var stop = _stop.Token;
        var deadline = _time.GetUtcNow() + _connection.Options.FollowTimeout;
        var clusterReader = Task.Run(() => ReadClusterAsync(stop), CancellationToken.None);
        var nextPoll = _time.GetUtcNow();
        var version = 1L;
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                if (!_github.Done && now >= nextPoll)
                {
                    nextPoll = now + await PollAsync();
                }

                var snapshot = Publish(version++, PipelineOutcome.Running);
                if (snapshot.IsFinished)
                {
                    return snapshot;
                }

                if (_time.GetUtcNow() >= deadline)
                {
                    return Publish(version, PipelineOutcome.TimedOut);
                }

                // Wake on a cluster change, the next poll, or at least once a second so the stopwatch on screen ticks.
                var untilPoll = nextPoll - _time.GetUtcNow();
                var wait = _github.Done || untilPoll > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : untilPoll;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
                try
                {
                    await _wake.Reader.WaitToReadAsync(timeout.Token);
                    _wake.Reader.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Publish(version, PipelineOutcome.Stopped);
        }
        finally
        {
            await _stop.CancelAsync();
            await clusterReader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<TimeSpan> PollAsync()
    {
        var interval = _connection.Options.PollInterval;
        try
        {
            await _github.PollAsync();
            _problem = null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            var problem = GitHubErrors.Describe(e, new UiMessage("Pipeline_WhatFollowRuns", _request.CommitSha[..7]), _time);
            _problem = problem.Text;

            // Rate limits: wait for the reset or the retry-after; other failures: try again a little later.
            return problem.RetryAt is { } retry && retry > _time.GetUtcNow() ? retry - _time.GetUtcNow() : interval * 2;
        }

        var stats = _connection.Stats();
        return RatePacing.Next(interval, _github.LastRequests, stats.RateLimitRemaining, stats.RateLimitReset, _time.GetUtcNow());
    }

    private async Task ReadClusterAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var snapshot in _cluster.WatchAsync(stop))
            {
                Volatile.Write(ref _latestCluster, snapshot);
                _wake.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private PipelineSnapshot Publish(long version, PipelineOutcome forced)
    {
        var snapshot = Build(version, forced);
        _broadcaster.Publish(snapshot);
        return snapshot;
    }

    private PipelineSnapshot Build(long version, PipelineOutcome forced)
    {
        var now = _time.GetUtcNow();
        var cluster = Volatile.Read(ref _latestCluster);
        var argo = cluster is null ? null : ClusterProgress.Argo(cluster, _request, _github.DeployCommit, _github.DeployFiles);
        var rollout = cluster is null ? null : ClusterProgress.Rollout(cluster, argo, _github.NewTag);
        if (argo is { AtNewRevision: true, Sync: "Synced", OperationPhase: not "Running" and not "Terminating" })
        {
            _marks.SyncDone ??= now;
        }

        if (_marks.SyncDone is not null && rollout is { Complete: true })
        {
            _marks.RolloutDone ??= now;
        }

        var stages = PipelineStages.Build(_request, _github, argo, rollout, _marks);
        var failedStage = stages.FirstOrDefault(s => s.State == PipelineStageState.Failed);
        var outcome = failedStage is not null ? PipelineOutcome.Failed
            : stages[^1].State == PipelineStageState.Succeeded ? PipelineOutcome.Succeeded
            : forced;
        var end = outcome == PipelineOutcome.Running ? now : failedStage?.FinishedAt ?? stages[^1].FinishedAt ?? now;
        var commit = new PipelineCommitView(_request.CommitSha, _request.Message, "", _request.CommittedAt,
            _request.HtmlUrl ?? _connection.WebUrl($"{_request.Target.FullName}/commit/{_request.CommitSha}"));
        return new PipelineSnapshot(commit, _github.Runs, _github.DeployCommit, _github.NewTag, argo, rollout, stages, outcome, Failure(),
            _problem?.ToString(), end - _request.CommittedAt, _connection.Stats(), version, now) { ProblemText = _problem };
    }

    private PipelineFailure? Failure()
    {
        foreach (var run in _github.Runs.Where(r => r.Failed))
        {
            foreach (var job in run.Jobs)
            {
                if (job.FailedStep is { } step)
                {
                    return new PipelineFailure(run.Workflow, job.Name, step.Name, job.HtmlUrl);
                }
            }

            return new PipelineFailure(run.Workflow, run.Jobs.Count > 0 ? run.Jobs[0].Name : "", "", run.HtmlUrl);
        }

        return null;
    }
}
