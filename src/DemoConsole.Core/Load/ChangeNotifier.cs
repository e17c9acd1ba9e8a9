namespace DemoConsole.Core.Load;

/// <summary>
/// Wakes snapshot readers when a run's figures change. The engine side only completes an already
/// created task (or finds it completed), so however many readers there are and however slow they
/// read, the engine never waits for them.
/// </summary>
internal sealed class ChangeNotifier
{
    private readonly object _gate = new();

    // Copy-on-write: Notify runs once per finished request and must not lock or allocate;
    // subscribing and unsubscribing are rare.
    private volatile Subscription[] _subscriptions = [];

    public int Count => _subscriptions.Length;

    public Subscription Subscribe()
    {
        var subscription = new Subscription();
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    public void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }

    public void Notify()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Signal();
        }
    }

    internal sealed class Subscription
    {
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Signal()
        {
            var changed = Volatile.Read(ref _changed);
            if (!changed.Task.IsCompleted)
            {
                changed.TrySetResult();
            }
        }

        /// <summary>
        /// Completes when a change happened since the last call, then re-arms. A signal racing with the
        /// re-arm is not lost in effect: the reader takes its snapshot after this returns, so that change is in it.
        /// </summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            var changed = Volatile.Read(ref _changed);
            if (!changed.Task.IsCompleted)
            {
                await changed.Task.WaitAsync(cancellationToken);
            }

            Interlocked.CompareExchange(
                ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), changed);
        }
    }
}
