namespace DemoConsole.Core.Pipeline;

/// <summary>Why a GitHub call failed, so a screen can word it (and say when to try again).</summary>
public enum GitHubProblemKind
{
    NotConfigured,
    BadCredentials,
    MissingPermission,
    NotFound,
    RateLimited,
    SecondaryRateLimited,
    Conflict,
    Invalid,
    Unreachable,
    Other,
}
