namespace DemoConsole.Core.Load;

/// <summary>
/// One second of a run's timeline. Starts and drops are counted in the second they were scheduled for,
/// completions and errors in the second they finished.
/// </summary>
public sealed record LoadSecond(int Second, long Started, long Completed, long Errors, long Dropped);
