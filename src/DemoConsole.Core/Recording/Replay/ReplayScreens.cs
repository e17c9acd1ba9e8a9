using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DemoConsole.Core.Live;

namespace DemoConsole.Core.Recording.Replay;

/// <summary>
/// What screens follow: the live sources, or during a replay the recorded snapshots of the same streams. Every screen
/// asks through <see cref="FollowAsync{T}"/> by stream name; while a replay runs, the live source is let go and the
/// recorded stream is read in its place, and when the replay ends the screen follows the live source again. The
/// components stay the same: a recorded <c>LoadSnapshot</c> reaches the same view as a live one.
/// </summary>
public sealed class ReplayScreens
{
    private readonly SnapshotBroadcaster<ReplayMode> _mode = new(ReplayMode.Live);
    private readonly ConcurrentDictionary<string, SnapshotBroadcaster<RecordedSnapshot>> _streams = new(StringComparer.Ordinal);

    /// <summary>True while a replay is on the screens (action runs are refused then).</summary>
    public bool Replaying => _mode.Current.Active;

    /// <summary>
    /// The stream a screen shows: live items (each also handed to <paramref name="liveSeen"/>, the recorder) or, during
    /// a replay, the recorded snapshots of <paramref name="stream"/>. Switches whenever a replay starts or ends.
    /// </summary>
    public async IAsyncEnumerable<T> FollowAsync<T>(
        string stream,
        Func<CancellationToken, IAsyncEnumerable<T>> live,
        Action<string, T>? liveSeen,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var output = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(stream, live, liveSeen, output.Writer, stop.Token);
        try
        {
            while (await output.Reader.WaitToReadAsync(cancellationToken))
            {
                while (output.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    internal void Begin()
    {
        _streams.Clear();
        _mode.Publish(new ReplayMode(_mode.Current.Generation + 1, true));
    }

    internal void End()
    {
        _mode.Publish(new ReplayMode(_mode.Current.Generation + 1, false));
        _streams.Clear();
    }

    /// <summary>Shows <paramref name="snapshot"/> on every screen following <paramref name="stream"/> (null: nothing recorded yet).</summary>
    internal void Show(string stream, JsonObject? snapshot) =>
        _streams.GetOrAdd(stream, _ => new SnapshotBroadcaster<RecordedSnapshot>(RecordedSnapshot.Nothing)).Publish(new RecordedSnapshot(snapshot));

    /// <summary>Streams shown so far in this replay (a jump clears those the new moment had not recorded yet).</summary>
    internal IEnumerable<string> ShownStreams => _streams.Keys;

    private async Task PumpAsync<T>(string stream, Func<CancellationToken, IAsyncEnumerable<T>> live, Action<string, T>? liveSeen, ChannelWriter<T> output, CancellationToken cancellationToken)
    {
        CancellationTokenSource? current = null;
        Task running = Task.CompletedTask;
        try
        {
            await foreach (var mode in _mode.SubscribeAsync(cancellationToken))
            {
                if (current is not null)
                {
                    await current.CancelAsync();
                    await running;
                    current.Dispose();
                }

                current = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                running = mode.Active
                    ? CopyAsync(RecordedAsync<T>(stream, current.Token), output, null, stream, current.Token)
                    : CopyAsync(live(current.Token), output, liveSeen, stream, current.Token);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The screen went away.
        }
        finally
        {
            if (current is not null)
            {
                await current.CancelAsync();
                await running;
                current.Dispose();
            }

            output.TryComplete();
        }
    }

    private static async Task CopyAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> output, Action<string, T>? seen, string stream, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                seen?.Invoke(stream, item);
                output.TryWrite(item);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Switched to the other source, or the screen went away.
        }
        catch (Exception ex)
        {
            // A live source that fails ends the screen's stream with its error, as it would without replay in between.
            output.TryComplete(ex);
        }
    }

    private async IAsyncEnumerable<T> RecordedAsync<T>(string stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var broadcaster = _streams.GetOrAdd(stream, _ => new SnapshotBroadcaster<RecordedSnapshot>(RecordedSnapshot.Nothing));
        await foreach (var recorded in broadcaster.SubscribeAsync(cancellationToken))
        {
            if (recorded.Snapshot is { } node && Read<T>(node) is { } snapshot)
            {
                yield return snapshot;
            }
        }
    }

    private static T? Read<T>(JsonObject node)
    {
        try
        {
            return RecordingShapes.FromNode(node, typeof(T)) is T snapshot ? snapshot : default;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return default; // A snapshot this version cannot read is skipped rather than shown wrong.
        }
    }

    internal sealed record ReplayMode(long Generation, bool Active)
    {
        public static ReplayMode Live { get; } = new(0, false);
    }

    internal sealed record RecordedSnapshot(JsonObject? Snapshot)
    {
        public static RecordedSnapshot Nothing { get; } = new((JsonObject?)null);
    }
}
