using Octokit;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// The GitHub half of following a commit: workflow runs by head sha with their jobs and steps, then the CD workflow's
/// own commit (a descendant of the demo commit on the branch whose diff sets an image tag). Every GET goes through
/// the connection's ETag cache, so an unchanged run list or branch costs a free 304. Used by one loop only.
/// </summary>
internal sealed class GitHubProgress(GitHubConnection connection, PipelineFollowRequest request)
{
    private const int MaxAncestry = 10;
    private readonly Dictionary<long, PipelineRunView> _runs = [];

    public IReadOnlyList<PipelineRunView> Runs => _runs.Values.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();

    public PipelineCommitView? DeployCommit { get; private set; }

    public IReadOnlyList<string> DeployFiles { get; private set; } = [];

    public string? NewTag { get; private set; }

    /// <summary>Requests the last poll sent (for pacing).</summary>
    public int LastRequests { get; private set; } = 1;

    /// <summary>Nothing more to learn from GitHub: a run failed, or the CD commit is known and every run completed.</summary>
    public bool Done => _runs.Values.Any(r => r.Failed) || (DeployCommit is not null && _runs.Values.All(r => r.IsCompleted));

    public async Task PollAsync()
    {
        var requests = 0;
        var client = connection.Client;
        var target = request.Target;
        var shas = DeployCommit is null ? [request.CommitSha] : new[] { request.CommitSha, DeployCommit.Sha };
        foreach (var sha in shas)
        {
            var response = await client.Actions.Workflows.Runs.List(target.Owner, target.Name, new WorkflowRunsRequest { HeadSha = sha });
            requests++;
            foreach (var run in response.WorkflowRuns)
            {
                if (_runs.TryGetValue(run.Id, out var known) && known.IsCompleted && known.UpdatedAt == run.UpdatedAt && known.Jobs.Count > 0)
                {
                    continue;
                }

                var jobs = await client.Actions.Workflows.Jobs.List(target.Owner, target.Name, run.Id);
                requests++;
                _runs[run.Id] = Map(run, jobs.Jobs);
            }
        }

        var ci = _runs.Values.Where(r => r.IsCi && r.HeadSha == request.CommitSha).ToList();
        if (DeployCommit is null && ci.Count > 0 && ci.All(r => r.Succeeded))
        {
            requests += await FindDeployCommitAsync(client);
        }

        LastRequests = requests;
    }

    private async Task<int> FindDeployCommitAsync(GitHubClient client)
    {
        var target = request.Target;
        var requests = 1;
        var current = await client.Repository.Commit.Get(target.Owner, target.Name, target.Branch);
        var chain = new List<GitHubCommit>();
        while (current.Sha != request.CommitSha && chain.Count < MaxAncestry)
        {
            chain.Add(current);
            if (current.Parents.Any(p => p.Sha == request.CommitSha) || current.Parents.Count == 0)
            {
                break;
            }

            current = await client.Repository.Commit.Get(target.Owner, target.Name, current.Parents[0].Sha);
            requests++;
        }

        if (chain.Count == 0 || !chain[^1].Parents.Any(p => p.Sha == request.CommitSha))
        {
            return requests;
        }

        // Oldest first: the first descendant that sets an image tag is the CD workflow's commit.
        foreach (var commit in Enumerable.Reverse(chain))
        {
            if (ImageTags.FromPatches(commit.Files?.Select(f => f.Patch) ?? []) is { } tag)
            {
                DeployCommit = new PipelineCommitView(commit.Sha, commit.Commit.Message, commit.Commit.Author?.Name ?? "", commit.Commit.Committer?.Date ?? commit.Commit.Author?.Date ?? default,
                    connection.WebUrl($"{target.FullName}/commit/{commit.Sha}"));
                DeployFiles = commit.Files?.Select(f => f.Filename).ToList() ?? [];
                NewTag = tag;
                break;
            }
        }

        return requests;
    }

    private static PipelineRunView Map(WorkflowRun run, IReadOnlyList<WorkflowJob> jobs) => new(
        run.Id, run.Name, run.Event, run.HeadSha, (int)run.RunNumber, run.Status.StringValue, run.Conclusion?.StringValue,
        run.CreatedAt, run.UpdatedAt, run.HtmlUrl,
        jobs.Select(j => new PipelineJobView(j.Id, j.Name, j.Status.StringValue, j.Conclusion?.StringValue, j.StartedAt, j.CompletedAt, j.HtmlUrl,
            j.Steps?.Select(s => new PipelineStepView(s.Number, s.Name, s.Status.StringValue, s.Conclusion?.StringValue, s.StartedAt, s.CompletedAt)).ToList() ?? []))
        .ToList());
}
