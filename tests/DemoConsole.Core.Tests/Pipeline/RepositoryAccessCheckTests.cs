using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Tests.Cluster;
using DemoConsole.Sandbox.GitHub;

namespace DemoConsole.Core.Tests.Pipeline;

public sealed class RepositoryAccessCheckTests
{
    [Fact]
    public async Task CheckAsync_DemoToken_PassesEveryItem()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var check = new RepositoryAccessCheck(PipelineSandbox.Connection(sandbox.Host), TimeProvider.System);

        var report = await check.CheckAsync(PipelineSandbox.Demo);

        Assert.True(report.Passed, string.Join("; ", report.Missing));
        Assert.Equal(["repository", "push", "branch", "file", "actions"], report.Items.Select(i => i.Name));
        Assert.Contains("CI", report.Items[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_TokenWithoutActionsAndMissingFile_NamesWhatIsMissing()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var token = PipelineSandbox.Token(sandbox.Host, GitHubTokenPermissions.ContentsWrite);
        var check = new RepositoryAccessCheck(PipelineSandbox.Connection(sandbox.Host, token), TimeProvider.System);

        var report = await check.CheckAsync(PipelineSandbox.Demo with { Path = "user-service/NOPE.txt" });

        Assert.False(report.Passed);
        Assert.Equal(2, report.Missing.Count);
        Assert.StartsWith("file: Not found", report.Missing[0], StringComparison.Ordinal);
        Assert.StartsWith("actions: ", report.Missing[1], StringComparison.Ordinal);
        Assert.Contains("actions=read", report.Missing[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NoToken_SaysSoWithoutCallingGitHub()
    {
        var check = new RepositoryAccessCheck(new GitHubConnection(new GitHubOptions(), TimeProvider.System), TimeProvider.System);

        var report = await check.CheckAsync(PipelineSandbox.Demo);

        var item = Assert.Single(report.Items);
        Assert.Equal("token", item.Name);
        Assert.Contains("DemoConsole:GitHub:Token", item.Detail, StringComparison.Ordinal);
    }
}
