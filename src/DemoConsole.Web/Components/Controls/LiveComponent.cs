using DemoConsole.Core.Recording;
using DemoConsole.Core.Recording.Replay;
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

    // Resolved optionally: a component test that does not replay needs neither.
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>
    /// Starts following a stream; does nothing while prerendering (there is no circuit to push to). A recorded kind
    /// of snapshot (<see cref="RecordingStreams.IsRecorded"/>) goes through the replay switch: what the screen shows is
    /// offered to the recorder, and during a replay the screen shows the recorded stream instead. <paramref name="replayKey"/>
    /// tells variants of one kind apart (a window, a log tail's pods).
    /// </summary>
    protected LiveSubscription? Follow<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Func<T, Task> apply, TimeSpan? minInterval = null, string? replayKey = null)
    {
        if (!RendererInfo.IsInteractive)
        {
            return null;
        }

        if (RecordingStreams.IsRecorded(typeof(T)) && Services.GetService<ReplayScreens>() is { } replay)
        {
            var recorder = Services.GetService<Recorder>();
            var live = source;
            var stream = RecordingStreams.For<T>(replayKey);
            source = token => replay.FollowAsync(stream, live, recorder is null ? null : (name, item) => recorder.Offer(name, item!), token);
        }

        var subscription = LiveSubscription.Start(source, item => InvokeAsync(async () =>
        {
            await apply(item);
            StateHasChanged();
        }), Time, minInterval);
        _subscriptions.Add(subscription);
        return subscription;
    }

    protected LiveSubscription? Follow<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Action<T> apply, TimeSpan? minInterval = null, string? replayKey = null) =>
        Follow(source, item =>
        {
            apply(item);
            return Task.CompletedTask;
        }, minInterval, replayKey);

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
