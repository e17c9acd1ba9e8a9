using System.Globalization;
using System.Net;
using DemoConsole.Core.Messages;
using Octokit;

namespace DemoConsole.Core.Pipeline;

/// <summary>Turns Octokit's exceptions into a <see cref="GitHubProblem"/> that says what to do. The token never appears.</summary>
internal static class GitHubErrors
{
    public static GitHubProblem Describe(Exception e, UiMessage what, TimeProvider time) => e switch
    {
        RateLimitExceededException r => new(GitHubProblemKind.RateLimited,
            new UiMessage("Pipeline_GitHubRateLimit", r.Limit, what, r.Reset.ToUniversalTime()), r.Reset),
        SecondaryRateLimitExceededException s => Secondary(s, what, time),
        AuthorizationException => new(GitHubProblemKind.BadCredentials,
            new UiMessage("Pipeline_GitHubBadCredentials", what)),
        ForbiddenException f => new(GitHubProblemKind.MissingPermission,
            new UiMessage("Pipeline_GitHubForbidden", what, f.Message, Needed(f))),
        NotFoundException => new(GitHubProblemKind.NotFound,
            new UiMessage("Pipeline_GitHubNotFound", what)),
        ApiException { StatusCode: HttpStatusCode.Conflict } c => new(GitHubProblemKind.Conflict, new UiMessage("Pipeline_GitHubConflict", what, c.Message)),
        ApiValidationException v => new(GitHubProblemKind.Invalid, new UiMessage("Pipeline_GitHubRefused", what, v.Message)),
        ApiException a => new(GitHubProblemKind.Other, new UiMessage("Pipeline_GitHubStatus", (int)a.StatusCode, what, a.Message)),
        HttpRequestException or TaskCanceledException => new(GitHubProblemKind.Unreachable, new UiMessage("Pipeline_GitHubUnreachable", what, e.Message)),
        _ => new(GitHubProblemKind.Other, new UiMessage("Pipeline_GitHubOther", what, e.Message)),
    };

    private static GitHubProblem Secondary(SecondaryRateLimitExceededException s, UiMessage what, TimeProvider time)
    {
        var retryAfter = s.HttpResponse?.Headers is { } headers && headers.TryGetValue("Retry-After", out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 60;
        return new GitHubProblem(GitHubProblemKind.SecondaryRateLimited,
            new UiMessage("Pipeline_GitHubSecondary", what, retryAfter), time.GetUtcNow().AddSeconds(retryAfter));
    }

    private static object Needed(ApiException e) =>
        e.HttpResponse?.Headers is { } headers && headers.TryGetValue("X-Accepted-GitHub-Permissions", out var needed)
            ? new UiMessage("Pipeline_GitHubNeeded", needed)
            : "";

    /// <summary>Whether the failure is a stale file sha (409, or 422 on some servers) that a fresh read fixes.</summary>
    public static bool IsStaleSha(Exception e) =>
        e is ApiException { StatusCode: HttpStatusCode.Conflict }
        || (e is ApiValidationException v && v.Message.Contains("sha", StringComparison.OrdinalIgnoreCase));
}
