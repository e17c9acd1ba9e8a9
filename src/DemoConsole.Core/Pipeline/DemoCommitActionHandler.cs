using System.Globalization;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// Runs <c>demo-commit</c>: the confirmation names repository, branch, file and message (all from the scenario, never from
/// a page), the run commits exactly the previewed target through <see cref="IDemoCommitService"/>, then follows the
/// pipeline it started with <see cref="IPipelineFollower"/>, reporting <see cref="DemoCommitProgress"/> live.
/// </summary>
public sealed class DemoCommitActionHandler(ActionKindDescriptor descriptor, IDemoCommitService commits, IPipelineFollower follower, TimeProvider time) : IActionHandler
{
    /// <summary>Reports at most this often: the stream of snapshots is faster than any screen needs.</summary>
    private static readonly TimeSpan ReportPace = TimeSpan.FromMilliseconds(250);

    public ActionKindDescriptor Descriptor { get; } = descriptor;

    public UiMessage? Validate(ActionDefinition action) =>
        Descriptor.ParameterProblem(action) ?? commits.UnavailableReason ?? (Target(action) is null
            ? new UiMessage("Pipeline_NeedsTarget", DemoCommitKind.Repository.Text(action))
            : null);

    public Task<ActionPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        if (Validate(action) is { } refusal)
        {
            return Task.FromResult(ActionPreview.Refused(refusal));
        }

        var target = Target(action)!;
        var message = Message(action);
        var summary = new UiMessage("Pipeline_CommitPreview", target.Path, target.FullName, target.Branch, message);
        return Task.FromResult(new ActionPreview(
            summary, $"{target.FullName} @ {target.Branch}: {target.Path}", true, null, new DemoCommitRequest(target, message)));
    }

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        if (Validate(context.Action) is { } refusal)
        {
            return ActionOutcome.Refused(refusal);
        }

        // With a confirmed preview the run commits exactly what was previewed.
        var request = context.Pin as DemoCommitRequest ?? new DemoCommitRequest(Target(context.Action)!, Message(context.Action));
        var target = request.Target;
        DemoCommitProgress Progress(string? sha, string? url, PipelineSnapshot? pipeline, UiMessage? problem) =>
            new(target.FullName, target.Branch, target.Path, request.Message, sha, url, pipeline, problem?.ToString())
            {
                Budget = DemoCommitKind.Budget.Duration(context.Action) ?? DemoCommitKind.DefaultBudget,
                ProblemText = problem,
            };

        context.Report(Progress(null, null, null, null));
        var commit = await commits.CommitAsync(request, cancellationToken);
        if (!commit.Succeeded)
        {
            var failed = Progress(null, null, null, commit.Problem?.Text);
            return ActionOutcome.Failed(commit.Problem?.Text ?? new UiMessage("Pipeline_CommitFailed"), failed);
        }

        context.Report(Progress(commit.Sha, commit.HtmlUrl, null, null));
        await using var tracking = follower.Follow(new PipelineFollowRequest(target, commit.Sha!, request.Message, commit.CommittedAt!.Value, commit.HtmlUrl));
        var last = tracking.Current;
        var reported = DateTimeOffset.MinValue;
        try
        {
            await foreach (var snapshot in tracking.WatchAsync(cancellationToken))
            {
                last = snapshot;
                if (snapshot.IsFinished)
                {
                    break;
                }

                if (time.GetUtcNow() - reported >= ReportPace)
                {
                    reported = time.GetUtcNow();
                    context.Report(Progress(commit.Sha, commit.HtmlUrl, snapshot, snapshot.ProblemText));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ActionOutcome.Failed(new UiMessage("Pipeline_StoppedFollowing", commit.Sha![..7]), Progress(commit.Sha, commit.HtmlUrl, last, null));
        }

        var result = Progress(commit.Sha, commit.HtmlUrl, last, last.ProblemText);
        // Stage names and seconds are figures, the same in every language.
        var stages = string.Join(", ", last.Stages.Skip(1).Where(s => s.Duration is not null)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Kind} {s.Duration!.Value.TotalSeconds:0} s")));
        return last.Outcome switch
        {
            PipelineOutcome.Succeeded => ActionOutcome.Succeeded(
                new UiMessage("Pipeline_Running", commit.Sha![..7], last.Rollout?.NewReady, last.Rollout?.Desired, last.Elapsed.TotalSeconds, stages), result),
            PipelineOutcome.Failed => ActionOutcome.Failed(last.Failure is { } f
                ? new UiMessage("Pipeline_FailedAt", f.Workflow, f.Step, f.Job)
                : new UiMessage("Pipeline_Failed", (object?)last.ProblemText ?? last.Problem), result),
            _ => ActionOutcome.Failed(new UiMessage("Pipeline_DidNotFinish", new UiMessage("Pipeline_Outcome_" + last.Outcome)), result),
        };
    }

    private static RepositoryTarget? Target(ActionDefinition action) =>
        DemoCommitKind.Repository.Text(action) is { } repository
            ? RepositoryTarget.Parse(repository, DemoCommitKind.Branch.Text(action) ?? "main", DemoCommitKind.File.Text(action) ?? "")
            : null;

    private static string Message(ActionDefinition action) => DemoCommitKind.Message.Text(action) ?? "Demo commit";
}
