using DemoConsole.Sandbox.ArgoCd;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.GitHub.Actions;
using DemoConsole.Sandbox.GitHub.Git;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>The GitHub side of the sandbox: the repository, its Actions pipeline, the tokens and limits, and Argo CD following it.</summary>
internal sealed class GitHubTwin
{
    public GitHubTwin(Cluster cluster, int rateLimitPerHour, int contentWritesPerMinute)
    {
        Repository = RepositorySeed.Create(cluster.Now);
        Pipeline = new PipelineSimulator(Repository, cluster);
        Argo = new ArgoCdController(cluster, Repository);
        Access = new GitHubAccess(cluster.Time, rateLimitPerHour, contentWritesPerMinute);
        Token = Access.Issue(GitHubTokenPermissions.Demo);
        Routes = new RepositoryRoutes(Repository, cluster.Time, Access);
        Actions = new ActionsRoutes(Repository, Pipeline);
    }

    public GitRepository Repository { get; }

    public PipelineSimulator Pipeline { get; }

    public ArgoCdController Argo { get; }

    public GitHubAccess Access { get; }

    /// <summary>A token with what the demo needs (contents write, actions read).</summary>
    public string Token { get; }

    public RepositoryRoutes Routes { get; }

    public ActionsRoutes Actions { get; }
}
