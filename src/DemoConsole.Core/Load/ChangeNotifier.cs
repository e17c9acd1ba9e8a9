using System.Collections.Concurrent;

namespace DemoConsole.Core.Load;

/// <summary>
/// Wakes snapshot readers when a run's figures change. The engine side only completes an already
/// created task (or finds it completed), so however many readers there are and however slow they
/// read, the engine never waits for them.
/// </summary>
internal sealed class ChangeNotifier
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public Subscription Subscribe()
    {
        var subscription = new Subscription();
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Unsubscribe(Subscription subscription) => _subscriptions.TryRemove(subscription, out _);

    public int Count => _subscriptions.Count;

    public void Notify()
    {
        foreach (var subscription in _subscriptions.Keys)
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
