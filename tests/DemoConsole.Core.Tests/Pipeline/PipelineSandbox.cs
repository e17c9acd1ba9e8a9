using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Tests.Cluster;
using DemoConsole.Sandbox;
using DemoConsole.Sandbox.GitHub;
using Octokit;

namespace DemoConsole.Core.Tests.Pipeline;

/// <summary>A private sandbox (Kubernetes API and GitHub twin on free ports) and the console's GitHub connection to it.</summary>
internal static class PipelineSandbox
{
    public static readonly RepositoryTarget Demo = new("DvwN-Lee", "Monitoring-v2", "main", "user-service/DEMO.txt");

    public static GitHubOptions Options(SandboxHost host, string? token = null) => new()
    {
        Url = host.GitHub.ToString(),
        Token = token ?? host.GitHubToken,
        PollInterval = TimeSpan.FromMilliseconds(50),
        FollowTimeout = TimeSpan.FromMinutes(2),
    };

    public static GitHubConnection Connection(SandboxHost host, string? token = null, DelegatingHandler? interceptor = null) =>
        new(Options(host, token), TimeProvider.System, interceptor);

    public static string Token(SandboxHost host, GitHubTokenPermissions permissions) => host.CreateGitHubToken(permissions);

    /// <summary>A second, independent Octokit client (the test's hands), as a teammate pushing at the same time.</summary>
    public static GitHubClient Teammate(SandboxHost host) =>
        new(new ProductHeaderValue("teammate"), host.GitHub) { Credentials = new Credentials(host.GitHubToken) };
}
