using System.Security.Cryptography;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>
/// Tokens, their permissions, and GitHub's rate limits: the primary limit per token and hour (X-RateLimit-*
/// headers; conditional requests answered 304 are free) and the secondary limit on content writes per minute.
/// </summary>
internal sealed class GitHubAccess(TimeProvider time, int limitPerHour, int writesPerMinute)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (GitHubUser User, GitHubTokenPermissions Permissions)> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateWindow> _windows = new(StringComparer.Ordinal);

    public int LimitPerHour { get; } = limitPerHour;

    public string Issue(GitHubTokenPermissions permissions)
    {
        var token = "github_pat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        lock (_gate)
        {
            _tokens[token] = (GitHubUser.Presenter, permissions);
        }

        return token;
    }

    public (GitHubUser User, GitHubTokenPermissions Permissions)? Find(string token)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(token, out var t) ? t : null;
        }
    }

    /// <summary>Remaining requests and reset time without counting one (for headers and GET /rate_limit).</summary>
    public (int Used, int Remaining, DateTimeOffset Reset) Peek(string token)
    {
        lock (_gate)
        {
            var window = Window(token);
            return (window.Used, Math.Max(0, LimitPerHour - window.Used), window.Reset);
        }
    }

    public bool Exhausted(string token) => Peek(token).Remaining == 0;

    public void Count(string token)
    {
        lock (_gate)
        {
            Window(token).Used++;
        }
    }

    /// <summary>Records a content write; false (with seconds to wait) when the per-minute secondary limit is reached.</summary>
    public (bool Allowed, int RetryAfterSeconds) TryWrite(string token)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var writes = Window(token).Writes;
            while (writes.Count > 0 && now - writes.Peek() >= TimeSpan.FromMinutes(1))
            {
                writes.Dequeue();
            }

            if (writes.Count >= writesPerMinute)
            {
                return (false, Math.Max(1, (int)Math.Ceiling((writes.Peek() + TimeSpan.FromMinutes(1) - now).TotalSeconds)));
            }

            writes.Enqueue(now);
            return (true, 0);
        }
    }

    private RateWindow Window(string token)
    {
        var now = time.GetUtcNow();
        if (!_windows.TryGetValue(token, out var window))
        {
            window = new RateWindow { Reset = now + TimeSpan.FromHours(1) };
            _windows[token] = window;
        }

        if (now >= window.Reset)
        {
            window.Used = 0;
            window.Reset = now + TimeSpan.FromHours(1);
        }

        return window;
    }
}
