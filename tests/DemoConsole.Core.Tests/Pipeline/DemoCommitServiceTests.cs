using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Tests.Cluster;
using DemoConsole.Sandbox;
using DemoConsole.Sandbox.GitHub;
using Octokit;

namespace DemoConsole.Core.Tests.Pipeline;

public sealed class DemoCommitServiceTests
{
    private const string Message = "데모: CI/CD 파이프라인 테스트";

    [Fact]
    public async Task CommitAsync_DeclaredFile_AppendsDemoLineOnExactlyThatBranchAndPath()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var service = new DemoCommitService(PipelineSandbox.Connection(sandbox.Host), TimeProvider.System);

        var result = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, Message));

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(1, result.Attempts);
        Assert.StartsWith("# Demo commit - ", result.AppendedLine, StringComparison.Ordinal);
        var teammate = PipelineSandbox.Teammate(sandbox.Host);
        var commit = await teammate.Repository.Commit.Get("DvwN-Lee", "Monitoring-v2", "main");
        Assert.Equal(result.Sha, commit.Sha);
        Assert.Equal(Message, commit.Commit.Message);
        Assert.Equal("user-service/DEMO.txt", Assert.Single(commit.Files).Filename);
        var file = (await teammate.Repository.Content.GetAllContentsByRef("DvwN-Lee", "Monitoring-v2", "user-service/DEMO.txt", "main"))[0];
        Assert.EndsWith(result.AppendedLine + "\n", file.Content, StringComparison.Ordinal);
        Assert.EndsWith($"/DvwN-Lee/Monitoring-v2/commit/{result.Sha}", result.HtmlUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_FileChangedBetweenReadAndWrite_ReadsAgainAndCommitsOnce()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        using var interceptor = new PushBeforeFirstPut(PipelineSandbox.Teammate(sandbox.Host));
        var service = new DemoCommitService(PipelineSandbox.Connection(sandbox.Host, interceptor: interceptor), TimeProvider.System);

        var result = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, Message));

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(2, result.Attempts);
        var file = (await PipelineSandbox.Teammate(sandbox.Host).Repository.Content.GetAllContentsByRef("DvwN-Lee", "Monitoring-v2", "user-service/DEMO.txt", "main"))[0];
        Assert.Contains("teammate was here", file.Content, StringComparison.Ordinal);
        Assert.EndsWith(result.AppendedLine + "\n", file.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_BadToken_SaysBadCredentials()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var service = new DemoCommitService(PipelineSandbox.Connection(sandbox.Host, "github_pat_wrong"), TimeProvider.System);

        var result = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, Message));

        Assert.False(result.Succeeded);
        Assert.Equal(GitHubProblemKind.BadCredentials, result.Problem?.Kind);
        Assert.DoesNotContain("github_pat_wrong", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_TokenWithoutContentsWrite_NamesTheMissingPermission()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var token = PipelineSandbox.Token(sandbox.Host, GitHubTokenPermissions.ContentsRead | GitHubTokenPermissions.ActionsRead);
        var service = new DemoCommitService(PipelineSandbox.Connection(sandbox.Host, token), TimeProvider.System);

        var result = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, Message));

        Assert.Equal(GitHubProblemKind.MissingPermission, result.Problem?.Kind);
        Assert.Contains("contents=write", result.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_UnknownRepository_SaysNotFound()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var service = new DemoCommitService(PipelineSandbox.Connection(sandbox.Host), TimeProvider.System);

        var result = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo with { Name = "Monitoring-v3" }, Message));

        Assert.Equal(GitHubProblemKind.NotFound, result.Problem?.Kind);
    }

    [Fact]
    public async Task CommitAsync_PrimaryRateLimitReached_SaysWhenItResets()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, GitHubPort = 0, TimeScale = 0.01, GitHubRateLimit = 1 });
        var service = new DemoCommitService(PipelineSandbox.Connection(host), TimeProvider.System);

        var result = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, Message));

        Assert.Equal(GitHubProblemKind.RateLimited, result.Problem?.Kind);
        Assert.True(result.Problem!.RetryAt > DateTimeOffset.UtcNow);
        Assert.Contains("resets at", result.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAsync_SecondaryRateLimitReached_SaysRetryAfter()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, GitHubPort = 0, TimeScale = 0.01, GitHubContentWritesPerMinute = 1 });
        var service = new DemoCommitService(PipelineSandbox.Connection(host), TimeProvider.System);
        var first = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, "one [skip ci]"));

        var second = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, "two [skip ci]"));

        Assert.True(first.Succeeded, first.Problem?.Message);
        Assert.Equal(GitHubProblemKind.SecondaryRateLimited, second.Problem?.Kind);
        Assert.Contains("retry after", second.Problem!.Message, StringComparison.Ordinal);
        Assert.NotNull(second.Problem.RetryAt);
    }

    [Fact]
    public async Task CommitAsync_NoToken_IsNotConfiguredWithoutCallingGitHub()
    {
        var service = new DemoCommitService(new GitHubConnection(new GitHubOptions(), TimeProvider.System), TimeProvider.System);

        var result = await service.CommitAsync(new DemoCommitRequest(PipelineSandbox.Demo, Message));

        Assert.Equal(GitHubProblemKind.NotConfigured, result.Problem?.Kind);
        Assert.NotNull(service.UnavailableReason);
    }

    /// <summary>Lets the service read the file, then has a teammate push to it just before the service's write arrives.</summary>
    private sealed class PushBeforeFirstPut(GitHubClient teammate) : DelegatingHandler
    {
        private int _puts;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Put && Interlocked.Increment(ref _puts) == 1)
            {
                var file = (await teammate.Repository.Content.GetAllContentsByRef("DvwN-Lee", "Monitoring-v2", "user-service/DEMO.txt", "main"))[0];
                await teammate.Repository.Content.UpdateFile("DvwN-Lee", "Monitoring-v2", "user-service/DEMO.txt",
                    new UpdateFileRequest("teammate [skip ci]", file.Content + "teammate was here\n", file.Sha, "main"));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
