using System.Net;
using System.Net.Http.Headers;
using DemoConsole.Sandbox.GitHub;
using DemoConsole.Sandbox.Tests.Support;
using Octokit;

namespace DemoConsole.Sandbox.Tests.GitHub;

/// <summary>Octokit against the GitHub twin: every call the console makes, with GitHub's shapes and error codes.</summary>
public sealed class GitHubTwinTests
{
    private const string Owner = TestGitHub.Owner;
    private const string Repo = TestGitHub.Repo;

    [Fact]
    public async Task RepositoryGet_EnterpriseBaseAddress_ReturnsTheDemoRepository()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = TestGitHub.Client(sandbox);

        var repository = await client.Repository.Get(Owner, Repo);

        Assert.Equal("DvwN-Lee/Monitoring-v2", repository.FullName);
        Assert.Equal("main", repository.DefaultBranch);
        Assert.True(repository.Permissions.Push);
        var info = client.GetLastApiInfo();
        Assert.Equal(5000, info.RateLimit.Limit);
        Assert.Equal(4999, info.RateLimit.Remaining);
        Assert.False(string.IsNullOrEmpty(info.Etag));
        Assert.All(sandbox.GitHubJournal.Requests, r => Assert.StartsWith("/api/v3/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContentsGet_FileAndDirectories_ReturnRealisticTree()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = TestGitHub.Client(sandbox);

        var root = await client.Repository.Content.GetAllContentsByRef(Owner, Repo, "/", "main");
        var workflows = await client.Repository.Content.GetAllContentsByRef(Owner, Repo, ".github/workflows", "main");
        var overlay = (await client.Repository.Content.GetAllContentsByRef(Owner, Repo, "k8s-manifests/overlays/solid-cloud/kustomization.yaml", "main"))[0];

        Assert.Contains(root, c => c.Name == "user-service" && c.Type.Value == ContentType.Dir);
        Assert.Contains(root, c => c.Name == "README.md" && c.Type.Value == ContentType.File);
        Assert.Equal(["cd.yml", "ci.yml"], workflows.Select(w => w.Name).Order(StringComparer.Ordinal));
        Assert.Contains("newTag: v2.0.2", overlay.Content, StringComparison.Ordinal);
        Assert.Equal(40, overlay.Sha.Length);
    }

    [Fact]
    public async Task UpdateFile_CurrentSha_CommitsOnTheBranchAndCommitShowsTheFile()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = TestGitHub.Client(sandbox);

        var change = await TestGitHub.DemoCommitAsync(client, "데모: CI/CD 파이프라인 테스트");
        var commit = await client.Repository.Commit.Get(Owner, Repo, change.Commit.Sha);
        var head = await client.Git.Reference.Get(Owner, Repo, "heads/main");
        var branch = await client.Repository.Branch.Get(Owner, Repo, "main");

        Assert.Equal("데모: CI/CD 파이프라인 테스트", commit.Commit.Message);
        var file = Assert.Single(commit.Files);
        Assert.Equal(TestGitHub.DemoFile, file.Filename);
        Assert.Equal(1, file.Additions);
        Assert.Contains("+# Demo commit - ", file.Patch, StringComparison.Ordinal);
        Assert.Equal(change.Commit.Sha, head.Object.Sha);
        Assert.Equal(change.Commit.Sha, branch.Commit.Sha);
        Assert.Equal(change.Content.Sha, file.Sha);
    }

    [Fact]
    public async Task UpdateFile_StaleSha_Is409WithGitHubsMessage()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = TestGitHub.Client(sandbox);
        var stale = (await client.Repository.Content.GetAllContentsByRef(Owner, Repo, TestGitHub.DemoFile, "main"))[0];
        await TestGitHub.DemoCommitAsync(client, "first");

        var e = await Assert.ThrowsAsync<ApiException>(() => client.Repository.Content.UpdateFile(Owner, Repo, TestGitHub.DemoFile,
            new UpdateFileRequest("second", stale.Content + "x\n", stale.Sha, "main")));

        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
        Assert.Contains($"is at ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"but expected {stale.Sha}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFile_ExistingFileWithoutSha_Is422()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = TestGitHub.Client(sandbox);

        var e = await Assert.ThrowsAsync<ApiValidationException>(() => client.Repository.Content.CreateFile(Owner, Repo, TestGitHub.DemoFile,
            new CreateFileRequest("again", "x\n", "main")));

        Assert.Equal((HttpStatusCode)422, e.StatusCode);
        Assert.Contains("\"sha\" wasn't supplied", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_BadOrMissingToken_Is401()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var bad = await Assert.ThrowsAsync<AuthorizationException>(() => TestGitHub.Client(sandbox, "github_pat_wrong").Repository.Get(Owner, Repo));
        var missing = await Assert.ThrowsAsync<AuthorizationException>(() => TestGitHub.Client(sandbox, "").Repository.Get(Owner, Repo));

        Assert.Equal("Bad credentials", bad.Message);
        Assert.Equal("Requires authentication", missing.Message);
    }

    [Fact]
    public async Task UpdateFile_TokenWithoutContentsWrite_Is403NamingThePermission()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = TestGitHub.Client(sandbox, sandbox.CreateGitHubToken(GitHubTokenPermissions.ContentsRead | GitHubTokenPermissions.ActionsRead));
        var file = (await client.Repository.Content.GetAllContentsByRef(Owner, Repo, TestGitHub.DemoFile, "main"))[0];

        var e = await Assert.ThrowsAsync<ForbiddenException>(() => client.Repository.Content.UpdateFile(Owner, Repo, TestGitHub.DemoFile,
            new UpdateFileRequest("no scope", file.Content + "x\n", file.Sha, "main")));

        Assert.Equal("Resource not accessible by personal access token", e.Message);
        Assert.Equal("contents=write", e.HttpResponse.Headers["X-Accepted-GitHub-Permissions"]);
    }

    [Fact]
    public async Task Get_UnknownRepositoryOrPath_Is404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = TestGitHub.Client(sandbox);

        await Assert.ThrowsAsync<NotFoundException>(() => client.Repository.Get(Owner, "does-not-exist"));
        await Assert.ThrowsAsync<NotFoundException>(() => client.Repository.Content.GetAllContentsByRef(Owner, Repo, "nope.txt", "main"));
    }

    [Fact]
    public async Task Requests_PastThePrimaryLimit_Are403WithResetTime()
    {
        await using var sandbox = await SandboxHost.StartAsync(TestSandbox.Options() with { GitHubRateLimit = 2 });
        var client = TestGitHub.Client(sandbox);
        await client.Repository.Get(Owner, Repo);
        await client.Repository.Get(Owner, Repo);

        var e = await Assert.ThrowsAsync<RateLimitExceededException>(() => client.Repository.Get(Owner, Repo));

        Assert.Equal(2, e.Limit);
        Assert.Equal(0, e.Remaining);
        Assert.True(e.Reset > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task UpdateFile_PastTheSecondaryLimit_Is403WithRetryAfter()
    {
        await using var sandbox = await SandboxHost.StartAsync(TestSandbox.Options() with { GitHubContentWritesPerMinute = 1 });
        var client = TestGitHub.Client(sandbox);
        await TestGitHub.DemoCommitAsync(client, "one [skip ci]");

        var e = await Assert.ThrowsAsync<SecondaryRateLimitExceededException>(() => TestGitHub.DemoCommitAsync(client, "two [skip ci]"));

        Assert.True(int.Parse(e.HttpResponse.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task ConditionalGet_SameETag_Is304AndFree()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(sandbox.GitHub, "/api/v3/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", sandbox.GitHubToken);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("demo-console-tests");

        using var first = await http.GetAsync(new Uri("repos/DvwN-Lee/Monitoring-v2/actions/runs?branch=main", UriKind.Relative));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "repos/DvwN-Lee/Monitoring-v2/actions/runs?branch=main");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await http.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.GetValues("X-RateLimit-Remaining"), second.Headers.GetValues("X-RateLimit-Remaining"));
    }
}
