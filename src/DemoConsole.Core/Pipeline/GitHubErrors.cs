using System.Globalization;
using System.Net;
using Octokit;

namespace DemoConsole.Core.Pipeline;

/// <summary>Turns Octokit's exceptions into a <see cref="GitHubProblem"/> that says what to do. The token never appears.</summary>
internal static class GitHubErrors
{
    public static GitHubProblem Describe(Exception e, string what, TimeProvider time) => e switch
    {
        RateLimitExceededException r => new(GitHubProblemKind.RateLimited,
            $"GitHub API rate limit reached ({r.Limit} requests per hour) while trying to {what}; it resets at {r.Reset.ToUniversalTime():HH:mm:ss} UTC.", r.Reset),
        SecondaryRateLimitExceededException s => Secondary(s, what, time),
        AuthorizationException => new(GitHubProblemKind.BadCredentials,
            $"GitHub rejected the token (Bad credentials) while trying to {what}: check DemoConsole:GitHub:Token."),
        ForbiddenException f => new(GitHubProblemKind.MissingPermission,
            $"The token may not {what}: {f.Message}{Needed(f)}"),
        NotFoundException => new(GitHubProblemKind.NotFound,
            $"Not found while trying to {what}: the repository, branch or file does not exist, or the token cannot see it."),
        ApiException { StatusCode: HttpStatusCode.Conflict } c => new(GitHubProblemKind.Conflict, $"Conflict while trying to {what}: {c.Message}"),
        ApiValidationException v => new(GitHubProblemKind.Invalid, $"GitHub refused to {what}: {v.Message}"),
        ApiException a => new(GitHubProblemKind.Other, $"GitHub answered {(int)a.StatusCode} while trying to {what}: {a.Message}"),
        HttpRequestException or TaskCanceledException => new(GitHubProblemKind.Unreachable, $"Cannot reach GitHub to {what}: {e.Message}"),
        _ => new(GitHubProblemKind.Other, $"Could not {what}: {e.Message}"),
    };

    private static GitHubProblem Secondary(SecondaryRateLimitExceededException s, string what, TimeProvider time)
    {
        var retryAfter = s.HttpResponse?.Headers is { } headers && headers.TryGetValue("Retry-After", out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 60;
        return new GitHubProblem(GitHubProblemKind.SecondaryRateLimited,
            $"GitHub's secondary rate limit stopped the request to {what}; retry after {retryAfter} s.", time.GetUtcNow().AddSeconds(retryAfter));
    }

    private static string Needed(ApiException e) =>
        e.HttpResponse?.Headers is { } headers && headers.TryGetValue("X-Accepted-GitHub-Permissions", out var needed)
            ? $" (needed: {needed})"
            : "";

    /// <summary>Whether the failure is a stale file sha (409, or 422 on some servers) that a fresh read fixes.</summary>
    public static bool IsStaleSha(Exception e) =>
        e is ApiException { StatusCode: HttpStatusCode.Conflict }
        || (e is ApiValidationException v && v.Message.Contains("sha", StringComparison.OrdinalIgnoreCase));
}
