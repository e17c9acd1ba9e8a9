using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace DemoConsole.Core.Live;

/// <summary>
/// Hands the latest immutable snapshot of some live state to any number of subscribers.
/// Each subscriber has its own one-slot channel that keeps only the newest value, so a slow screen
/// skips intermediate states instead of queueing them, and a burst of changes never blocks the publisher.
/// </summary>
public sealed class SnapshotBroadcaster<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly HashSet<Channel<T>> _subscribers = [];
    private T _current;

    public SnapshotBroadcaster(T initial) => _current = initial;

    public T Current => Volatile.Read(ref _current);

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Publish(T snapshot)
    {
        lock (_gate)
        {
            _current = snapshot;
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(snapshot);
            }
        }
    }

    /// <summary>Yields the current snapshot first, then every newer one the reader gets to see.</summary>
    public async IAsyncEnumerable<T> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        lock (_gate)
        {
            channel.Writer.TryWrite(_current);
            _subscribers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var snapshot))
                {
                    yield return snapshot;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
