using System.Globalization;
using DemoConsole.Sandbox.GitHub.Actions;
using DemoConsole.Sandbox.GitHub.Git;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>GET workflows, workflow runs (filters: head_sha, branch, event, status, actor), a run, and a run's jobs with steps.</summary>
internal sealed class ActionsRoutes(GitRepository repository, PipelineSimulator pipeline)
{
    private const string RunsDocs = "https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository";
    private const string RunDocs = "https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run";
    private const string JobsDocs = "https://docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run";
    private const string WorkflowsDocs = "https://docs.github.com/rest/actions/workflows#list-repository-workflows";

    public GitHubReply? Handle(GitHubCall call)
    {
        var s = call.Segments;
        if (call.Method != "GET" || s.Count < 2 || s[0] != "actions")
        {
            return null;
        }

        if (call.Require(GitHubTokenPermissions.ActionsRead, "actions=read", RunsDocs) is { } denied)
        {
            return denied;
        }

        var api = call.Urls.Repo(repository) + "/" + call.Rest(0);
        return (s[1], s.Count) switch
        {
            ("workflows", 2) => Paging.Wrapped(pipeline.Workflows, call, api, "workflows", w => ActionsJson.Workflow(call.Urls, repository, w)),
            ("workflows", 3) => Workflow(s[2]) is { } w ? GitHubReply.Ok(ActionsJson.Workflow(call.Urls, repository, w)) : GitHubReply.NotFound(WorkflowsDocs),
            ("workflows", 4) when s[3] == "runs" => Workflow(s[2]) is { } w ? Runs(call, api, w) : GitHubReply.NotFound(WorkflowsDocs),
            ("runs", 2) => Runs(call, api, null),
            ("runs", 3) => pipeline.Read(runs => Find(runs, s[2]) is { } run ? GitHubReply.Ok(ActionsJson.Run(call.Urls, repository, run)) : GitHubReply.NotFound(RunDocs)),
            ("runs", 4) when s[3] == "jobs" => Jobs(call, api, s[2]),
            ("runs", 6) when s[3] == "attempts" && s[5] == "jobs" => s[4] == "1" ? Jobs(call, api, s[2]) : GitHubReply.NotFound(JobsDocs),
            _ => null,
        };
    }

    private WorkflowDefinition? Workflow(string idOrFile) =>
        pipeline.Workflows.FirstOrDefault(w => w.Id.ToString(CultureInfo.InvariantCulture) == idOrFile || w.FileName == Uri.UnescapeDataString(idOrFile));

    private GitHubReply Runs(GitHubCall call, string api, WorkflowDefinition? workflow)
    {
        var headSha = call.QueryValue("head_sha");
        var branch = call.QueryValue("branch");
        var @event = call.QueryValue("event");
        var status = call.QueryValue("status");
        var actor = call.QueryValue("actor");
        return pipeline.Read(all =>
        {
            // "status" matches either the status or the conclusion, as GitHub documents.
            var runs = all.Where(r => workflow is null || r.Workflow == workflow)
                .Where(r => headSha is null || string.Equals(r.HeadCommit.Sha, headSha, StringComparison.OrdinalIgnoreCase))
                .Where(r => branch is null || r.HeadBranch == branch)
                .Where(r => @event is null || r.Event == @event)
                .Where(r => actor is null || string.Equals(r.Actor, actor, StringComparison.OrdinalIgnoreCase) || (GitHubUser.ByName(r.Actor)?.Login == actor))
                .Where(r => status is null || r.Status == status || r.Conclusion == status)
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
                .ToList();
            return Paging.Wrapped(runs, call, api, "workflow_runs", r => ActionsJson.Run(call.Urls, repository, r));
        });
    }

    private GitHubReply Jobs(GitHubCall call, string api, string runId) => pipeline.Read(runs =>
        Find(runs, runId) is { } run
            ? Paging.Wrapped(run.Jobs, call, api, "jobs", j => ActionsJson.Job(call.Urls, repository, run, j))
            : GitHubReply.NotFound(JobsDocs));

    private static WorkflowRun? Find(IReadOnlyList<WorkflowRun> runs, string id) =>
        runs.FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == id);
}
