using System.Text;
using System.Text.RegularExpressions;
using DemoConsole.Sandbox.ArgoCd;
using DemoConsole.Sandbox.Controllers;
using DemoConsole.Sandbox.GitHub.Git;

namespace DemoConsole.Sandbox.GitHub.Actions;

/// <summary>
/// GitHub Actions for the seeded repository: a push to the default branch that touches a service queues the CI
/// run (one job per service), its steps advance on the sandbox clock, and a successful CI run triggers the CD
/// run, whose "Commit and push" step commits the new image tag to the kustomize overlay (which Argo CD then
/// syncs). A <c>[fail:word]</c> marker in the commit message (trivy, test, build, push, …) fails that step.
/// </summary>
internal sealed partial class PipelineSimulator
{
    public const string OverlayPath = "k8s-manifests/overlays/solid-cloud/kustomization.yaml";
    public const string BotName = "github-actions[bot]";
    public const string BotEmail = "41898282+github-actions[bot]@users.noreply.github.com";
    private static readonly string[] Services = ["api-gateway", "auth-service", "user-service", "blog-service"];

    private readonly Lock _gate = new();
    private readonly GitRepository _repository;
    private readonly Cluster _cluster;
    private readonly List<WorkflowRun> _runs = [];
    private long _nextRunId = 13_661_234_500;
    private long _nextJobId = 38_212_345_600;
    private int _ciNumber = 57;
    private int _cdNumber = 54;

    public PipelineSimulator(GitRepository repository, Cluster cluster)
    {
        _repository = repository;
        _cluster = cluster;
        var created = repository.CreatedAt + TimeSpan.FromDays(2);
        Ci = new WorkflowDefinition(118_764_321, "CI", ".github/workflows/ci.yml", created, created + TimeSpan.FromDays(20));
        Cd = new WorkflowDefinition(118_764_322, "CD", ".github/workflows/cd.yml", created, created + TimeSpan.FromDays(20));
        repository.Pushed += OnPushed;
    }

    public WorkflowDefinition Ci { get; }

    public WorkflowDefinition Cd { get; }

    public IReadOnlyList<WorkflowDefinition> Workflows => [Ci, Cd];

    /// <summary>Runs a reader over the runs while no transition can change them (responses are built in here).</summary>
    public T Read<T>(Func<IReadOnlyList<WorkflowRun>, T> reader)
    {
        lock (_gate)
        {
            return reader(_runs);
        }
    }

    private void OnPushed(GitCommit commit, string branch)
    {
        if (branch != _repository.DefaultBranch || commit.Message.Contains("[skip ci]", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // ci.yml: paths-ignore k8s-manifests/** and **.md; one job per service directory touched.
        var relevant = commit.Changes.Where(c => !c.Path.StartsWith("k8s-manifests/", StringComparison.Ordinal) && !c.Path.EndsWith(".md", StringComparison.Ordinal)).ToList();
        var services = Services.Where(s => relevant.Any(c => c.Path.StartsWith(s + "/", StringComparison.Ordinal))).ToList();
        if (services.Count == 0)
        {
            return;
        }

        var failure = FailureMarker().Match(commit.Message) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;
        lock (_gate)
        {
            var jobs = services.Select(s => NewJob($"build ({s})", StepPlans.Ci, failure)).ToList();
            var run = new WorkflowRun(_nextRunId++, _ciNumber++, Ci, commit, branch, "push", commit.Author.Name, _cluster.Now, jobs) { Services = services };
            _runs.Add(run);
            Queue(run);
        }
    }

    private WorkflowJob NewJob(string name, IReadOnlyList<StepPlans.Plan> plans, string? failure) =>
        new(_nextJobId++, name, _cluster.Now, plans.Select((p, i) => new WorkflowStep(
            i + 1, p.Name, TimeSpan.FromSeconds(p.MinSeconds + (Random.Shared.NextDouble() * (p.MaxSeconds - p.MinSeconds))),
            p.FailureKey == failure ? p.FailureKey : null, p.Always)).ToList());

    private void Queue(WorkflowRun run)
    {
        _cluster.After(_cluster.ScaledRandom(StepPlans.QueueMinSeconds, StepPlans.QueueMaxSeconds), () =>
        {
            lock (_gate)
            {
                var now = _cluster.Now;
                run.Status = "in_progress";
                run.RunStartedAt = now;
                run.UpdatedAt = now;
                foreach (var job in run.Jobs)
                {
                    job.Status = "in_progress";
                    job.StartedAt = now;
                    job.RunnerName = $"GitHub Actions {Random.Shared.Next(2, 40)}";
                    StartStep(run, job, 0, failed: false);
                }
            }
        });
    }

    // Called under _gate.
    private void StartStep(WorkflowRun run, WorkflowJob job, int index, bool failed)
    {
        var now = _cluster.Now;
        if (index == job.Steps.Count)
        {
            job.Status = "completed";
            job.Conclusion = failed ? "failure" : "success";
            job.CompletedAt = now;
            CompleteRunIfDone(run);
            return;
        }

        var step = job.Steps[index];
        if (failed && !step.Always)
        {
            step.Status = "completed";
            step.Conclusion = "skipped";
            StartStep(run, job, index + 1, failed);
            return;
        }

        step.Status = "in_progress";
        step.StartedAt = now;
        run.UpdatedAt = now;
        _cluster.After(_cluster.Scaled(step.Duration), () => FinishStep(run, job, index, failed));
    }

    private void FinishStep(WorkflowRun run, WorkflowJob job, int index, bool failed)
    {
        var step = job.Steps[index];
        if (run.Workflow == Cd && step.Name == StepPlans.PushStep && step.FailureKey is null)
        {
            // Outside the lock: the commit raises Pushed, which Argo CD and this simulator handle.
            CommitImageTags(run);
        }

        lock (_gate)
        {
            step.Status = "completed";
            step.Conclusion = step.FailureKey is null ? "success" : "failure";
            step.CompletedAt = _cluster.Now;
            run.UpdatedAt = _cluster.Now;
            StartStep(run, job, index + 1, failed || step.FailureKey is not null);
        }
    }

    // Called under _gate.
    private void CompleteRunIfDone(WorkflowRun run)
    {
        if (run.Jobs.Any(j => j.Status != "completed"))
        {
            return;
        }

        run.Status = "completed";
        run.Conclusion = run.Jobs.All(j => j.Conclusion == "success") ? "success" : "failure";
        run.UpdatedAt = _cluster.Now;
        if (run.Workflow == Ci && run.Conclusion == "success")
        {
            // cd.yml: on workflow_run of CI, completed on main, only when CI succeeded.
            var failure = FailureMarker().Match(run.HeadCommit.Message) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;
            var cd = new WorkflowRun(_nextRunId++, _cdNumber++, Cd, run.HeadCommit, run.HeadBranch, "workflow_run", run.Actor, _cluster.Now,
                [NewJob("update-manifests", StepPlans.Cd, failure)]) { Services = run.Services };
            _runs.Add(cd);
            Queue(cd);
        }
    }

    private void CommitImageTags(WorkflowRun run)
    {
        var tag = run.HeadCommit.Sha[..7];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var head = _repository.Resolve(run.HeadBranch);
            if (head?.Tree.GetValueOrDefault(OverlayPath) is not { } blob)
            {
                return;
            }

            // cd.yml's `kustomize edit set image`: a tag of digits only is written quoted, or kustomize could not read it back.
            var text = Encoding.UTF8.GetString(blob.Content);
            foreach (var service in run.Services)
            {
                text = KustomizeImages.SetNewTag(text, $"docker.io/dvwnlee/titanium-{service}", tag);
            }

            var bot = new GitSignature(BotName, BotEmail, _cluster.Now);
            var message = $"chore(cd): update {string.Join(", ", run.Services)} image to {tag} [skip ci]";
            var outcome = _repository.PutFile(run.HeadBranch, OverlayPath, Encoding.UTF8.GetBytes(text), message, blob.Sha, bot, bot);
            if (outcome.Status != PutFileStatus.ShaMismatch)
            {
                return;
            }
        }
    }

    [GeneratedRegex(@"\[fail:([a-zA-Z-]+)\]")]
    private static partial Regex FailureMarker();
}
