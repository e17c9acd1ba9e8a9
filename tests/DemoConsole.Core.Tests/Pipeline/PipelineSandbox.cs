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

    /// <summary>
    /// How long a whole pipeline may take at the fast time scale before a test fails: several stages, each waiting on the
    /// simulated clock, on a machine that CI shares between test assemblies. Only a failing test waits this long.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>The snapshot in words, for a failing assertion.</summary>
    public static string Describe(PipelineSnapshot s) =>
        $"{s.Outcome} after {s.Elapsed}; problem: {s.Problem}; " + string.Join("; ", s.Stages.Select(x => $"{x.Kind} {x.State}: {x.Detail}"))
        + "; runs: " + string.Join(", ", s.Runs.Select(r => $"{r.Workflow} {r.Status}/{r.Conclusion}"));

    public static GitHubOptions Options(SandboxHost host, string? token = null) => new()
    {
        Url = host.GitHub.ToString(),
        Token = token ?? host.GitHubToken,
        PollInterval = TimeSpan.FromMilliseconds(50),
        FollowTimeout = Patience,
    };

    public static GitHubConnection Connection(SandboxHost host, string? token = null, DelegatingHandler? interceptor = null) =>
        new(Options(host, token), TimeProvider.System, interceptor);

    public static string Token(SandboxHost host, GitHubTokenPermissions permissions) => host.CreateGitHubToken(permissions);

    /// <summary>A second, independent Octokit client (the test's hands), as a teammate pushing at the same time.</summary>
    public static GitHubClient Teammate(SandboxHost host) =>
        new(new ProductHeaderValue("teammate"), host.GitHub) { Credentials = new Credentials(host.GitHubToken) };
}
