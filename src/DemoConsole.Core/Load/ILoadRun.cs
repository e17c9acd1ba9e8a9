namespace DemoConsole.Core.Load;

/// <summary>
/// A load run in progress or finished. Snapshots are cheap and never block the engine; a UI polls
/// <see cref="GetSnapshot"/> or reads <see cref="WatchAsync"/>, and awaits <see cref="Completion"/>.
/// </summary>
public interface ILoadRun : IAsyncDisposable
{
    /// <summary>Identifies the run in history and in <see cref="LoadSnapshot.RunId"/>.</summary>
    Guid Id { get; }

    /// <summary>The plan as given.</summary>
    LoadPlan Plan { get; }

    /// <summary>When the run started (from the engine's <see cref="TimeProvider"/>).</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>The figures now. Cheap: percentiles and copies are rebuilt only when <see cref="LoadSnapshot.Version"/> changed.</summary>
    LoadSnapshot GetSnapshot();

    /// <summary>
    /// The current snapshot at once, then a new one after changes, coalesced to at most one per
    /// <paramref name="minInterval"/> (default 100 ms, so ≤ 10 a second), ending with the final snapshot.
    /// A slow reader only skips intermediate snapshots; it never slows the run. The subscription is
    /// removed when the enumeration ends or <paramref name="cancellationToken"/> fires.
    /// </summary>
    IAsyncEnumerable<LoadSnapshot> WatchAsync(TimeSpan? minInterval = null, CancellationToken cancellationToken = default);

    /// <summary>Completes with the final figures once the run completed, was stopped or failed. Never faults.</summary>
    Task<LoadResult> Completion { get; }

    /// <summary>Stops scheduling and cancels requests in flight; <see cref="Completion"/> follows promptly. Idempotent.</summary>
    void Stop();
}
