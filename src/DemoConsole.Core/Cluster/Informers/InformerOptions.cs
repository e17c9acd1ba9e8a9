namespace DemoConsole.Core.Cluster;

/// <summary>Timing of the list+watch loop. Defaults suit a real cluster; tests shorten them.</summary>
public sealed record InformerOptions
{
    /// <summary>Asked of the server as timeoutSeconds; a watch that ends after this long is resumed from its resourceVersion.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A stream with no event (bookmarks included) for this long is presumed dead and restarted with a fresh list.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Bookmarks keep a quiet watch alive and its resourceVersion fresh (fewer 410s).</summary>
    public bool AllowBookmarks { get; init; } = true;

    /// <summary>First retry delay after a failure; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A list that takes longer than this counts as a failure (the API server is hanging).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);
}

/// <summary>What an informer has been through, for diagnostics and tests.</summary>
public sealed record InformerCounters(int Lists, int Watches, int Gone, int WatchdogRestarts, int Failures);
