using Octokit;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// Octokit implementation of <see cref="IRepositoryAccessCheck"/>. A fine-grained token's write permission cannot be
/// read without writing, so "push" reports the account's permission on the repository; the commit itself is the proof.
/// </summary>
public sealed class RepositoryAccessCheck(GitHubConnection connection, TimeProvider time) : IRepositoryAccessCheck
{
    public async Task<RepositoryAccessReport> CheckAsync(RepositoryTarget target, CancellationToken cancellationToken = default)
    {
        var items = new List<RepositoryAccessItem>();
        if (connection.UnavailableReason is { } reason)
        {
            items.Add(new RepositoryAccessItem("token", false, reason));
            return new RepositoryAccessReport(target, items, time.GetUtcNow());
        }

        var client = connection.Client;
        var repository = await TryAsync(items, "repository", $"read {target.FullName}", () => client.Repository.Get(target.Owner, target.Name),
            r => $"{r.FullName} is readable (default branch {r.DefaultBranch}).");
        if (repository is null)
        {
            return new RepositoryAccessReport(target, items, time.GetUtcNow());
        }

        items.Add(repository.Permissions?.Push == true
            ? new RepositoryAccessItem("push", true, $"The account may push to {target.FullName}.")
            : new RepositoryAccessItem("push", false, $"The account may not push to {target.FullName} (contents: write is needed)."));
        cancellationToken.ThrowIfCancellationRequested();
        await TryAsync(items, "branch", $"read branch {target.Branch}", () => client.Repository.Branch.Get(target.Owner, target.Name, target.Branch),
            b => $"{target.Branch} is at {b.Commit.Sha[..7]}.");
        await TryAsync(items, "file", $"read {target.Path}", () => client.Repository.Content.GetAllContentsByRef(target.Owner, target.Name, target.Path, target.Branch),
            c => $"{target.Path} is readable ({c[0].Size} bytes).");
        cancellationToken.ThrowIfCancellationRequested();
        await TryAsync(items, "actions", "read the workflows", () => client.Actions.Workflows.List(target.Owner, target.Name),
            w => w.TotalCount == 0 ? "Actions are readable, but the repository has no workflows." : $"Workflows: {string.Join(", ", w.Workflows.Select(x => x.Name))}.");
        return new RepositoryAccessReport(target, items, time.GetUtcNow());
    }

    private async Task<T?> TryAsync<T>(List<RepositoryAccessItem> items, string name, string what, Func<Task<T>> call, Func<T, string> detail)
        where T : class
    {
        try
        {
            var value = await call();
            items.Add(new RepositoryAccessItem(name, true, detail(value)));
            return value;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
        {
            items.Add(new RepositoryAccessItem(name, false, GitHubErrors.Describe(e, what, time).Message));
            return null;
        }
    }
}
