using System.Threading.Channels;

namespace DemoConsole.Sandbox.Store;

/// <summary>
/// One watcher's queue. Bounded: a watcher that stops reading is cut off (its stream ends) rather than letting
/// the store buffer without limit, which is what an API server does to a slow client too.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<StoreEvent> _channel;
    private readonly ResourceType? _type;
    private readonly string? _namespace;
    private readonly Action<WatchSubscription> _unsubscribe;

    public WatchSubscription(ResourceType? type, string? ns, int capacity, Action<WatchSubscription> unsubscribe)
    {
        _type = type;
        _namespace = ns;
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<StoreEvent>(new BoundedChannelOptions(capacity) { SingleReader = true });
    }

    public ChannelReader<StoreEvent> Events => _channel.Reader;

    /// <summary>Called under the store lock, so events arrive in resourceVersion order.</summary>
    internal void Offer(StoreEvent e)
    {
        if ((_type is null || e.Object.Type == _type) && (_namespace is null || e.Object.Namespace == _namespace)
            && !_channel.Writer.TryWrite(e))
        {
            _channel.Writer.TryComplete(new InvalidOperationException("watcher fell too far behind"));
        }
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
