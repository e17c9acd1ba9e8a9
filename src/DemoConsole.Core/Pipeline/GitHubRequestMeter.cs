namespace DemoConsole.Core.Pipeline;

/// <summary>Counts the GitHub API requests one connection sends (and the 304s among them), per minute and in total.</summary>
public sealed class GitHubRequestMeter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private int _total;
    private int _notModified;

    /// <summary>The counts now; the rate-limit figures are those the last response reported.</summary>
    public GitHubRequestStats Read(int? remaining = null, DateTimeOffset? reset = null)
    {
        lock (_gate)
        {
            Trim(time.GetUtcNow());
            return new GitHubRequestStats(_recent.Count, _total, _notModified, remaining, reset);
        }
    }

    internal void Record(bool notModified)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _recent.Enqueue(now);
            _total++;
            _notModified += notModified ? 1 : 0;
            Trim(now);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() > TimeSpan.FromMinutes(1))
        {
            _recent.Dequeue();
        }
    }
}
