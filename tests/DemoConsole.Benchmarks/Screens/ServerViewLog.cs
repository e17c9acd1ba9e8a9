using DemoConsole.Core.Cluster;

namespace DemoConsole.Benchmarks.Screens;

/// <summary>
/// The console's own pods snapshot (informer + rebuild, before any circuit renders it), logged like a screen: when
/// each pod's displayed state changed in the snapshots that <see cref="IClusterViews"/> hands to the components.
/// Splits the screens' latency into the server side and the rest (render, SignalR, browser).
/// </summary>
internal sealed class ServerViewLog : IAsyncDisposable
{
    private readonly List<ScreenChange> _log = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    public ServerViewLog(IClusterViews views, string ns) => _reader = Task.Run(async () =>
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var snapshot in views.WatchAsync(_stop.Token))
            {
                var t = ApiEvents.Now();
                if (!snapshot.Synced)
                {
                    continue;
                }

                var current = snapshot.Pods.Where(p => p.Namespace == ns).ToDictionary(p => p.Name, p => $"{p.Status}|{p.Ready}", StringComparer.Ordinal);
                lock (_log)
                {
                    _log.AddRange(current.Where(p => !last.TryGetValue(p.Key, out var s) || s != p.Value).Select(p => new ScreenChange(t, null, p.Key, p.Value)));
                    _log.AddRange(last.Keys.Where(k => !current.ContainsKey(k)).Select(k => new ScreenChange(t, null, k, null)));
                }

                last = current;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    });

    public IReadOnlyList<ScreenChange> Log()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
