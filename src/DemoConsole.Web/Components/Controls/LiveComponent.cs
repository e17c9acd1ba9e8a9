using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Controls;

/// <summary>
/// Base of components that show live server state. <see cref="Follow{T}(Func{CancellationToken, IAsyncEnumerable{T}}, Action{T}, TimeSpan?)"/>
/// reads a stream on a background task, applies each value on the renderer and re-renders, paced by
/// <see cref="LiveSubscription"/>; every subscription is cancelled and awaited when the component goes away.
/// </summary>
public abstract class LiveComponent : ComponentBase, IAsyncDisposable
{
    private readonly List<LiveSubscription> _subscriptions = [];

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    /// <summary>Starts following a stream; does nothing while prerendering (there is no circuit to push to).</summary>
    protected LiveSubscription? Follow<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Func<T, Task> apply, TimeSpan? minInterval = null)
    {
        if (!RendererInfo.IsInteractive)
        {
            return null;
        }

        var subscription = LiveSubscription.Start(source, item => InvokeAsync(async () =>
        {
            await apply(item);
            StateHasChanged();
        }), Time, minInterval);
        _subscriptions.Add(subscription);
        return subscription;
    }

    protected LiveSubscription? Follow<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Action<T> apply, TimeSpan? minInterval = null) =>
        Follow(source, item =>
        {
            apply(item);
            return Task.CompletedTask;
        }, minInterval);

    /// <summary>Stops one subscription early (to follow something else instead).</summary>
    protected async Task StopFollowingAsync(LiveSubscription? subscription)
    {
        if (subscription is not null && _subscriptions.Remove(subscription))
        {
            await subscription.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        _subscriptions.Clear();
        await ReleaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>What a derived component releases besides its subscriptions (which are already stopped when this runs).</summary>
    protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;
}
