namespace DemoConsole.Core.Load;

/// <summary>
/// One second of a run's timeline. Starts and drops are counted in the second they were scheduled for,
/// completions and errors in the second they finished. <see cref="P50"/> and <see cref="P99"/> are the latencies of the
/// answers that arrived in this second (as the run's percentiles: from the intended start), to about 10 %; null when
/// none arrived.
/// </summary>
public sealed record LoadSecond(int Second, long Started, long Completed, long Errors, long Dropped, TimeSpan? P50 = null, TimeSpan? P99 = null);
