namespace DemoConsole.Web.Replicas;

public sealed partial class SharedMetricsFeeds
{
    /// <summary>One feed: its shared stream, and (on the leader, while wanted) the local poll loop feeding it.</summary>
    private abstract class Feed(string name) : IAsyncDisposable
    {
        public int Watchers;
        private CancellationTokenSource? _polling;
        private Task _pump = Task.CompletedTask;

        public string Name { get; } = name;

        public bool Polling => _polling is not null;

        public void StartPolling()
        {
            _polling = new CancellationTokenSource();
            var token = _polling.Token;
            _pump = Task.Run(() => PumpAsync(token), CancellationToken.None);
        }

        public async Task StopPollingAsync()
        {
            if (_polling is { } polling)
            {
                _polling = null;
                await polling.CancelAsync();
                await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                polling.Dispose();
            }
        }

        protected abstract Task PumpAsync(CancellationToken token);

        public abstract ValueTask DisposeAsync();
    }

    private sealed class Feed<T>(SharedSnapshotStream<T> stream, Func<CancellationToken, IAsyncEnumerable<T>> source, Func<T, long> version)
        : Feed(stream.Name)
        where T : class
    {
        public SharedSnapshotStream<T> Stream { get; } = stream;

        protected override async Task PumpAsync(CancellationToken token)
        {
            try
            {
                // Watching the local feed is what makes it poll (and stop when this ends). Its first snapshot may be
                // the never-polled initial one (version 0): the previous leader's last values stay until a round ends.
                await foreach (var snapshot in source(token))
                {
                    if (version(snapshot) > 0)
                    {
                        Stream.PublishAsLeader(snapshot);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await StopPollingAsync();
            await Stream.DisposeAsync();
        }
    }
}
