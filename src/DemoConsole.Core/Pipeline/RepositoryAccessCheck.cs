using DemoConsole.Core.Messages;
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
        var repository = await TryAsync(items, "repository", new UiMessage("Pipeline_WhatReadRepository", target.FullName), () => client.Repository.Get(target.Owner, target.Name),
            r => new UiMessage("Pipeline_RepositoryReadable", r.FullName, r.DefaultBranch));
        if (repository is null)
        {
            return new RepositoryAccessReport(target, items, time.GetUtcNow());
        }

        items.Add(repository.Permissions?.Push == true
            ? new RepositoryAccessItem("push", true, new UiMessage("Pipeline_MayPush", target.FullName))
            : new RepositoryAccessItem("push", false, new UiMessage("Pipeline_MayNotPush", target.FullName)));
        cancellationToken.ThrowIfCancellationRequested();
        await TryAsync(items, "branch", new UiMessage("Pipeline_WhatReadBranch", target.Branch), () => client.Repository.Branch.Get(target.Owner, target.Name, target.Branch),
            b => new UiMessage("Pipeline_BranchAt", target.Branch, b.Commit.Sha[..7]));
        await TryAsync(items, "file", new UiMessage("Pipeline_WhatReadRepository", target.Path), () => client.Repository.Content.GetAllContentsByRef(target.Owner, target.Name, target.Path, target.Branch),
            c => new UiMessage("Pipeline_FileReadable", target.Path, c[0].Size));
        cancellationToken.ThrowIfCancellationRequested();
        await TryAsync(items, "actions", new UiMessage("Pipeline_WhatReadWorkflows"), () => client.Actions.Workflows.List(target.Owner, target.Name),
            w => w.TotalCount == 0 ? new UiMessage("Pipeline_NoWorkflows") : new UiMessage("Pipeline_Workflows", string.Join(", ", w.Workflows.Select(x => x.Name))));
        return new RepositoryAccessReport(target, items, time.GetUtcNow());
    }

    private async Task<T?> TryAsync<T>(List<RepositoryAccessItem> items, string name, UiMessage what, Func<Task<T>> call, Func<T, UiMessage> detail)
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
            items.Add(new RepositoryAccessItem(name, false, GitHubErrors.Describe(e, what, time).Text));
            return null;
        }
    }
}
