using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// Follows the logs of every pod matching a label selector (one container), merged into one bounded, filtered
/// buffer, the way <c>kubectl logs -f -l ... -c ... --tail=20 | grep -E ...</c> would if it also picked up pods
/// created later.
/// </summary>
public interface ILogTail
{
    /// <summary>
    /// Starts following and yields the tail as it grows: first the state right away, then each newer one
    /// (newest-wins: a slow reader skips intermediate snapshots, never lines inside a snapshot's buffer).
    /// Stops following when <paramref name="cancellationToken"/> is cancelled. Never throws for cluster problems:
    /// they show in <see cref="LogTailSnapshot.Problem"/>.
    /// </summary>
    IAsyncEnumerable<LogTailSnapshot> FollowAsync(LogTailRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What to follow. The runbook's: <c>new("titanium-prod", "app.kubernetes.io/name=titanium,app=api-gateway", "api-gateway-container", 20, "404|405|ERROR")</c>.</summary>
/// <param name="TailLines">Lines of history to start with, per pod present at the start (pods created later are read from their start).</param>
/// <param name="Filter">A regular expression (grep -E style, case-sensitive); null or empty keeps every line.</param>
/// <param name="BufferSize">How many matching lines the tail keeps (the newest).</param>
public sealed record LogTailRequest(string Namespace, string LabelSelector, string Container, int TailLines = 20, string? Filter = null, int BufferSize = 500);

/// <summary>One log line and where it came from.</summary>
public sealed record LogTailLine(DateTimeOffset ReceivedAt, string Pod, string Text);

/// <summary>The tail at one moment.</summary>
/// <param name="Lines">The newest matching lines, oldest first, at most <see cref="LogTailRequest.BufferSize"/>.</param>
/// <param name="Pods">The pods whose log stream is open now.</param>
/// <param name="LinesRead">Every line read, matching or not.</param>
/// <param name="LinesMatched">Lines that matched the filter (including those the buffer has dropped since).</param>
/// <param name="Problem">Why something cannot be followed (bad filter, pods unreadable), or null.</param>
public sealed record LogTailSnapshot(IReadOnlyList<LogTailLine> Lines, IReadOnlyList<string> Pods, long LinesRead, long LinesMatched,
    UiMessage? Problem, ConnectionStatus Connection, long Version);
