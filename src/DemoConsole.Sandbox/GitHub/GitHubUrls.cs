using DemoConsole.Sandbox.GitHub.Git;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>
/// The addresses a response names, built from the host the client used (as a GitHub Enterprise server does
/// with its hostname): the web root and the REST root under /api/v3.
/// </summary>
internal sealed record GitHubUrls(string Web)
{
    public string Api => Web + "/api/v3";

    public static GitHubUrls From(HttpRequest request) => new($"{request.Scheme}://{request.Host}");

    public string Repo(GitRepository r) => $"{Api}/repos/{r.FullName}";

    public string RepoHtml(GitRepository r) => $"{Web}/{r.FullName}";

    public string User(string login) => $"{Api}/users/{Uri.EscapeDataString(login)}";
}
