using Octokit;

namespace DemoConsole.Sandbox.Tests.Support;

/// <summary>Octokit configured as the console configures it for GitHub Enterprise: the sandbox's base address and a token.</summary>
internal static class TestGitHub
{
    public const string Owner = "DvwN-Lee";
    public const string Repo = "Monitoring-v2";
    public const string DemoFile = "user-service/DEMO.txt";

    public static GitHubClient Client(SandboxHost sandbox, string? token = null)
    {
        var client = new GitHubClient(new ProductHeaderValue("demo-console-tests"), sandbox.GitHub);
        var credentials = token ?? sandbox.GitHubToken;
        if (credentials.Length > 0)
        {
            client.Credentials = new Credentials(credentials);
        }

        return client;
    }

    /// <summary>The seed's demo commit: one line appended to user-service/DEMO.txt through the contents API.</summary>
    public static async Task<RepositoryContentChangeSet> DemoCommitAsync(GitHubClient client, string message)
    {
        var file = (await client.Repository.Content.GetAllContentsByRef(Owner, Repo, DemoFile, "main"))[0];
        return await client.Repository.Content.UpdateFile(Owner, Repo, DemoFile,
            new UpdateFileRequest(message, file.Content + "# Demo commit - " + DateTimeOffset.UtcNow.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "\n", file.Sha, "main"));
    }
}
