namespace DemoConsole.Sandbox.GitHub;

/// <summary>
/// One token's primary limit (requests per hour, window starting at its first counted request) and its secondary
/// limit on content-creating requests per minute. Guarded by <see cref="GitHubAccess"/>'s lock.
/// </summary>
internal sealed class RateWindow
{
    public DateTimeOffset Reset { get; set; }

    public int Used { get; set; }

    public Queue<DateTimeOffset> Writes { get; } = new();
}
