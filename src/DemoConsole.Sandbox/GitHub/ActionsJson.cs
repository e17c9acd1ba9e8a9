using System.Text.Json.Nodes;
using DemoConsole.Sandbox.GitHub.Actions;
using DemoConsole.Sandbox.GitHub.Git;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>Workflow, workflow-run and job bodies in the shapes of GitHub's REST description. Called under the simulator's lock.</summary>
internal static class ActionsJson
{
    public static JsonObject Workflow(GitHubUrls urls, GitRepository r, WorkflowDefinition w) => new()
    {
        ["id"] = w.Id,
        ["node_id"] = GitHubJson.NodeId("W", w.Id),
        ["name"] = w.Name,
        ["path"] = w.Path,
        ["state"] = "active",
        ["created_at"] = Rfc3339.Format(w.CreatedAt),
        ["updated_at"] = Rfc3339.Format(w.UpdatedAt),
        ["url"] = $"{urls.Repo(r)}/actions/workflows/{w.Id}",
        ["html_url"] = $"{urls.RepoHtml(r)}/blob/{r.DefaultBranch}/{w.Path}",
        ["badge_url"] = $"{urls.RepoHtml(r)}/workflows/{w.Name}/badge.svg",
    };

    public static JsonObject Run(GitHubUrls urls, GitRepository r, WorkflowRun run)
    {
        var api = $"{urls.Repo(r)}/actions/runs/{run.Id}";
        var actor = GitHubUser.ByName(run.Actor) ?? GitHubUser.Presenter;
        var minimal = new JsonObject
        {
            ["id"] = r.Id,
            ["node_id"] = GitHubJson.NodeId("R", r.Id),
            ["name"] = r.Name,
            ["full_name"] = r.FullName,
            ["owner"] = GitHubJson.User(urls, GitHubUser.Owner),
            ["private"] = false,
            ["html_url"] = urls.RepoHtml(r),
            ["url"] = urls.Repo(r),
            ["fork"] = false,
        };
        var commit = run.HeadCommit;
        return new JsonObject
        {
            ["id"] = run.Id,
            ["name"] = run.Workflow.Name,
            ["node_id"] = GitHubJson.NodeId("WFR", run.Id),
            ["check_suite_id"] = run.Id + 20_000_000_000,
            ["check_suite_node_id"] = GitHubJson.NodeId("CS", run.Id + 20_000_000_000),
            ["head_branch"] = run.HeadBranch,
            ["head_sha"] = commit.Sha,
            ["path"] = run.Workflow.Path,
            ["display_title"] = commit.Message.Split('\n')[0],
            ["run_number"] = run.RunNumber,
            ["event"] = run.Event,
            ["status"] = run.Status,
            ["conclusion"] = run.Conclusion,
            ["workflow_id"] = run.Workflow.Id,
            ["url"] = api,
            ["html_url"] = $"{urls.RepoHtml(r)}/actions/runs/{run.Id}",
            ["pull_requests"] = new JsonArray(),
            ["created_at"] = Rfc3339.Format(run.CreatedAt),
            ["updated_at"] = Rfc3339.Format(run.UpdatedAt),
            ["actor"] = GitHubJson.User(urls, actor),
            ["run_attempt"] = 1,
            ["referenced_workflows"] = new JsonArray(),
            ["run_started_at"] = Rfc3339.Format(run.RunStartedAt),
            ["triggering_actor"] = GitHubJson.User(urls, actor),
            ["jobs_url"] = api + "/jobs",
            ["logs_url"] = api + "/logs",
            ["check_suite_url"] = $"{urls.Repo(r)}/check-suites/{run.Id + 20_000_000_000}",
            ["artifacts_url"] = api + "/artifacts",
            ["cancel_url"] = api + "/cancel",
            ["rerun_url"] = api + "/rerun",
            ["previous_attempt_url"] = null,
            ["workflow_url"] = $"{urls.Repo(r)}/actions/workflows/{run.Workflow.Id}",
            ["head_commit"] = new JsonObject
            {
                ["id"] = commit.Sha,
                ["tree_id"] = commit.TreeSha,
                ["message"] = commit.Message,
                ["timestamp"] = Rfc3339.Format(commit.Committer.Date),
                ["author"] = new JsonObject { ["name"] = commit.Author.Name, ["email"] = commit.Author.Email },
                ["committer"] = new JsonObject { ["name"] = commit.Committer.Name, ["email"] = commit.Committer.Email },
            },
            ["repository"] = minimal,
            ["head_repository"] = minimal.DeepClone(),
            ["head_repository_id"] = r.Id,
        };
    }

    public static JsonObject Job(GitHubUrls urls, GitRepository r, WorkflowRun run, WorkflowJob job)
    {
        var steps = new JsonArray();
        foreach (var step in job.Steps)
        {
            steps.Add(new JsonObject
            {
                ["name"] = step.Name,
                ["status"] = step.Status,
                ["conclusion"] = step.Conclusion,
                ["number"] = step.Number,
                ["started_at"] = Time(step.StartedAt),
                ["completed_at"] = Time(step.CompletedAt),
            });
        }

        var started = job.RunnerName is not null;
        return new JsonObject
        {
            ["id"] = job.Id,
            ["run_id"] = run.Id,
            ["workflow_name"] = run.Workflow.Name,
            ["head_branch"] = run.HeadBranch,
            ["run_url"] = $"{urls.Repo(r)}/actions/runs/{run.Id}",
            ["run_attempt"] = 1,
            ["node_id"] = GitHubJson.NodeId("CR", job.Id),
            ["head_sha"] = run.HeadCommit.Sha,
            ["url"] = $"{urls.Repo(r)}/actions/jobs/{job.Id}",
            ["html_url"] = $"{urls.RepoHtml(r)}/actions/runs/{run.Id}/job/{job.Id}",
            ["status"] = job.Status,
            ["conclusion"] = job.Conclusion,
            ["created_at"] = Rfc3339.Format(job.CreatedAt),
            ["started_at"] = Rfc3339.Format(job.StartedAt ?? job.CreatedAt),
            ["completed_at"] = Time(job.CompletedAt),
            ["name"] = job.Name,
            ["steps"] = steps,
            ["check_run_url"] = $"{urls.Repo(r)}/check-runs/{job.Id}",
            ["labels"] = new JsonArray("ubuntu-latest"),
            ["runner_id"] = started ? 7 : null,
            ["runner_name"] = job.RunnerName,
            ["runner_group_id"] = started ? 2 : null,
            ["runner_group_name"] = started ? "GitHub Actions" : null,
        };
    }

    private static string? Time(DateTimeOffset? time) => time is { } t ? Rfc3339.Format(t) : null;
}
