using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// <c>DemoConsole:GitHub</c>: where GitHub is and the token to use. The token comes only from configuration or the
/// environment and is never logged or shown (<see cref="ToString"/> leaves it out).
/// </summary>
public sealed class GitHubOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DemoConsole:GitHub";

    /// <summary>github.com (or api.github.com) by default; any other address is a GitHub Enterprise base address (REST under /api/v3/).</summary>
    public string Url { get; set; } = "https://github.com";

    /// <summary>A fine-grained token: contents write on the demo repository, actions read. Empty: the pipeline is disabled.</summary>
    public string? Token { get; set; }

    /// <summary>Shortest time between two polls of the workflow runs; the rate limit may stretch it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a pipeline is followed before it is reported as timed out.</summary>
    public TimeSpan FollowTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Whether a token is configured.</summary>
    public bool HasToken => !string.IsNullOrWhiteSpace(Token);

    /// <summary>True for github.com itself (web links on github.com, REST on api.github.com).</summary>
    public bool IsGitHubDotCom => Uri.TryCreate(Url, UriKind.Absolute, out var u) && u.Host is "github.com" or "api.github.com";

    /// <summary>Every problem at once, for start-up validation.</summary>
    public IReadOnlyList<UiMessage> Validate()
    {
        var problems = new List<UiMessage>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            problems.Add(new UiMessage("Pipeline_SettingUrl", Section, Url));
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            problems.Add(new UiMessage("Pipeline_SettingPositive", Section, nameof(PollInterval)));
        }

        if (FollowTimeout <= TimeSpan.Zero)
        {
            problems.Add(new UiMessage("Pipeline_SettingPositive", Section, nameof(FollowTimeout)));
        }

        return problems;
    }

    /// <summary>The REST root Octokit talks to: api.github.com, or the Enterprise server's /api/v3/ (as Octokit's own fix-up does).</summary>
    public Uri ApiBase => IsGitHubDotCom ? new Uri("https://api.github.com/") : new Uri(new Uri(Url), "/api/v3/");

    /// <summary>The web root for links to commits and runs.</summary>
    public Uri WebBase => IsGitHubDotCom ? new Uri("https://github.com/") : new Uri(new Uri(Url), "/");

    /// <summary>Never includes the token.</summary>
    public override string ToString() => $"GitHub {Url} (token {(HasToken ? "set" : "not set")})";
}
