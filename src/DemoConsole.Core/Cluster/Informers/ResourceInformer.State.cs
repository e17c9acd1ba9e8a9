using DemoConsole.Core.Messages;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Cluster;

public sealed partial class ResourceInformer<T>
{
    private void Apply(WatchEventType type, T item)
    {
        var name = item.Metadata?.Name;
        switch (type)
        {
            case WatchEventType.Added or WatchEventType.Modified when name is not null:
                Publish(s => s with { Items = s.Items.SetItem(name, item), Status = Connected(s.Status) });
                break;
            case WatchEventType.Deleted when name is not null:
                Publish(s => s with { Items = s.Items.Remove(name), Status = Connected(s.Status) });
                break;
            default:
                // Bookmarks only move the resourceVersion; they still prove the link is alive.
                if (!Current.Status.IsConnected)
                {
                    Publish(s => s with { Status = Connected(s.Status) });
                }

                break;
        }
    }

    private ConnectionStatus Connected(ConnectionStatus status) =>
        status.IsConnected ? status : new ConnectionStatus(ConnectionState.Connected, null, _time.GetUtcNow());

    private void SetStatus(ConnectionState state, UiMessage problem)
    {
        var current = Current.Status;
        if (current.State == state && current.Problem == problem)
        {
            return;
        }

        // "Since" is when the state began, not when the last retry failed.
        var since = current.State == state ? current.Since : _time.GetUtcNow();
        Publish(s => s with { Status = new ConnectionStatus(state, problem, since) });
    }

    private void Publish(Func<ResourceSnapshot<T>, ResourceSnapshot<T>> change)
    {
        ResourceSnapshot<T> next;
        lock (_gate)
        {
            var current = _broadcaster.Current;
            next = change(current) with { Version = current.Version + 1 };
            _broadcaster.Publish(next);
        }

        Changed?.Invoke(next);
    }

    private void Count(Func<InformerCounters, InformerCounters> change)
    {
        lock (_gate)
        {
            _counters = change(_counters);
        }
    }

    /// <summary>Counts a 410 and returns the next backoff; pauses first when the 410 came straight after a list.</summary>
    private async Task<TimeSpan> GoneAsync(bool rightAfterList, TimeSpan backoff, CancellationToken stop)
    {
        Count(c => c with { Gone = c.Gone + 1 });
        LogGone(_source.Description);
        if (!rightAfterList)
        {
            return backoff;
        }

        await DelayAsync(backoff, stop);
        return Next(backoff);
    }

    private TimeSpan Next(TimeSpan backoff)
    {
        var doubled = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
        return doubled;
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        // Up to 20% jitter so many informers that lost the same server do not come back in lockstep.
        var jittered = delay + TimeSpan.FromTicks((long)(delay.Ticks * 0.2 * Random.Shared.NextDouble()));
        return Task.Delay(jittered, _time, stop);
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stop.Cancel();
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Watch of {What} is too old (410 Gone); re-listing")]
    private partial void LogGone(string what);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Watch of {What} was silent for {Silence}; restarting it")]
    private partial void LogSilent(string what, TimeSpan silence);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "{Problem} Retrying {What} in {Backoff}")]
    private partial void LogFailure(string what, UiMessage problem, TimeSpan backoff);

    [LoggerMessage(EventId = 503, Level = LogLevel.Debug, Message = "Watch of {What} ended after {Lasted} with {Events} events (gone: {Gone})")]
    private partial void LogWatchEnded(string what, TimeSpan lasted, int events, bool gone);

    [LoggerMessage(EventId = 504, Level = LogLevel.Debug, Message = "Watching {What} from resourceVersion {ResourceVersion}")]
    private partial void LogWatchStarting(string what, string resourceVersion);

    private sealed record WatchOutcome(string ResourceVersion, bool Gone, int Events, bool EndedEarly);

    private sealed class WatchdogException : Exception;

    /// <summary>Errors the watch reports in-band (a Status event) while the stream goes on.</summary>
    private sealed class StreamErrors
    {
        public bool Gone { get; private set; }

        public Exception? Error { get; private set; }

        public void Add(Exception ex)
        {
            if (FailureText.IsGone(ex))
            {
                Gone = true;
            }
            else
            {
                Error ??= ex;
            }
        }
    }
}
