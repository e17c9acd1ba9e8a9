using System.Net;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Load;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Cluster.Faults;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Reports;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.StopAll;

/// <summary>
/// The emergency stop: cancels every running action (bursts, error sequences, steady traffic, a pod kill's watch, a
/// demo commit's follow), waits for them to end, then removes what the console created this session and nothing
/// else (<see cref="SessionDeployments"/>: each delete is conditional on the uid the console saw at creation) and
/// clears the sandbox faults its inject-fault runs left on. One audit event names what was done. Presenters only;
/// the check is here, not in the button.
/// </summary>
public sealed partial class StopEverything(
    ActionExecutor executor,
    SessionDeployments created,
    IClusterConnection cluster,
    SandboxFaults faults,
    IScenarioSource scenarios,
    TimeProvider time,
    ILogger<StopEverything> logger,
    SessionJournal? journal = null)
{
    /// <summary>How long to wait for cancelled runs to end before reporting them as still running. Load runs end in milliseconds.</summary>
    public static readonly TimeSpan EndWait = TimeSpan.FromSeconds(10);

    public async Task<StopReport> RunAsync(Actor actor, CancellationToken cancellationToken)
    {
        var requestedAt = time.GetUtcNow();
        if (!actor.IsPresenter)
        {
            LogRefused(actor.Name, actor.Role);
            return StopReport.Refused(actor.Name, requestedAt, new UiMessage("Stop_PresenterOnly"));
        }

        var started = time.GetTimestamp();
        var cancelled = executor.StopAll(actor);
        var board = await WaitForEndsAsync(cancelled.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var ends = cancelled.Select(r => board.FindRun(r.RunId) ?? r).ToList();
        var stopped = ends.Where(r => !r.IsRunning).Select(r => Stopped(r, requestedAt)).ToList();
        var stillRunning = ends.Where(r => r.IsRunning).Select(r => Stopped(r, requestedAt)).ToList();

        var alreadyRemoved = created.Objects.Where(o => o.RemovedAt is not null)
            .Select(o => new RemovedObject(o.Kind, o.Name, o.Namespace, o.RemovedHow ?? new UiMessage("Stop_Removed"))).ToList();
        var removed = new List<RemovedObject>();
        foreach (var o in created.Present.Reverse())
        {
            removed.Add(await RemoveAsync(o, cancellationToken));
        }

        foreach (var fault in FaultsLeftOn(board))
        {
            removed.Add(await ClearAsync(fault, cancellationToken));
        }

        var report = new StopReport(actor.Name, requestedAt, time.GetElapsedTime(started), null,
            stopped, stillRunning, AlreadyStopped(board, cancelled), removed, alreadyRemoved);
        journal?.Note(requestedAt, "stopped", new UiMessage("Stop_JournalNote", actor.Name, Names(stopped.Select(r => r.Title)), Names(removed.Select(r => $"{r.Describe()} ({r.Outcome})"))).ToString());
        LogStopEverything(actor.Name, Names(stopped.Select(r => r.ActionId)), Names(stillRunning.Select(r => r.ActionId)),
            Names(removed.Select(r => $"{r.Describe()}: {r.Outcome}")), Names(report.AlreadyStopped.Select(a => a.ActionId)), report.Took.TotalMilliseconds);
        return report;
    }

    private async Task<RunBoard> WaitForEndsAsync(HashSet<string> runIds, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return executor.Board;
        }

        using var timeout = new CancellationTokenSource(EndWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await foreach (var board in executor.WatchAsync(linked.Token))
            {
                if (runIds.All(id => board.FindRun(id) is not { IsRunning: true }))
                {
                    return board;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Reported as still running below.
        }

        return executor.Board;
    }

    private async Task<RemovedObject> RemoveAsync(CreatedObject o, CancellationToken cancellationToken)
    {
        UiMessage outcome;
        var failed = false;
        try
        {
            var operations = ManifestKinds.Find(o.ApiVersion, o.Kind) ?? throw new InvalidOperationException($"{o.Kind} cannot be deleted by this console.");
            await operations.DeleteAsync(cluster.Client, o.Name, o.Namespace, o.Uid, cancellationToken);
            outcome = new UiMessage("Stop_Deleted");
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            outcome = new UiMessage("Stop_AlreadyGone");
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // The uid precondition failed: the object of that name is not the one the console created.
            outcome = new UiMessage("Stop_Replaced");
        }
        catch (HttpOperationException e)
        {
            (outcome, failed) = (new UiMessage("Stop_NotDeleted", ApiErrors.Describe(e)), true);
        }
        catch (ClusterUnavailableException e)
        {
            (outcome, failed) = (new UiMessage("Stop_NotDeleted", e.Text), true);
        }
        catch (HttpRequestException e)
        {
            (outcome, failed) = (new UiMessage("Stop_NotDeleted", new UiMessage("Stop_ClusterNoAnswer", e.Message)), true);
        }

        if (!failed)
        {
            created.RecordRemoved(o.Kind, o.Namespace, o.Name, time.GetUtcNow(), new UiMessage("Stop_ByStopEverything", outcome));
        }

        return new RemovedObject(o.Kind, o.Name, o.Namespace, outcome, failed);
    }

    /// <summary>Per deployment, the fault of the console's latest fault run there, when that run left it on.</summary>
    private static IEnumerable<FaultState> FaultsLeftOn(RunBoard board) =>
        board.Runs.Where(r => r.Status == ActionRunStatus.Succeeded && r.Result is FaultState)
            .Select(r => (FaultState)r.Result!)
            // The board lists the newest run first.
            .DistinctBy(f => (f.Namespace, f.Deployment))
            .Where(f => f.Active);

    private async Task<RemovedObject> ClearAsync(FaultState fault, CancellationToken cancellationToken)
    {
        object? error;
        try
        {
            error = await faults.ClearAsync(fault.Namespace, fault.Deployment, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            error = new UiMessage("Stop_SandboxNoAnswer", e.Message);
        }

        var (outcome, failed) = error switch
        {
            null => (new UiMessage("Stop_FaultCleared", fault.Fault), false),
            string answer when SandboxFaults.SaysNoFault(answer) => (new UiMessage("Stop_FaultAlreadyCleared", fault.Fault), false),
            _ => (new UiMessage("Stop_FaultNotCleared", fault.Fault, error), true),
        };
        return new RemovedObject("Fault", fault.Deployment, fault.Namespace, outcome, failed);
    }

    /// <summary>The load actions of the scenario and every action run this session, that were not running.</summary>
    private List<IdleAction> AlreadyStopped(RunBoard board, IReadOnlyList<ActionRunSnapshot> cancelled)
    {
        var cancelledIds = cancelled.Select(r => r.ActionId).ToHashSet(StringComparer.Ordinal);
        return scenarios.Current.Scenario.Actions
            .Where(a => !cancelledIds.Contains(a.Id) && (LoadKinds.Find(a.Kind) is not null || board.LatestForAction(a.Id) is not null))
            .Select(a => new IdleAction(a.Id, a.Title, a.Kind, board.LatestForAction(a.Id)?.Status))
            .ToList();
    }

    private static StoppedRun Stopped(ActionRunSnapshot run, DateTimeOffset requestedAt) =>
        new(run.RunId, run.ActionId, run.Title, run.Kind, run.Status, run.EndedAt is { } ended ? Max(ended - requestedAt, TimeSpan.Zero) : null);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Names(IEnumerable<string> names) => string.Join(", ", names) is { Length: > 0 } text ? text : "none";

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Stop everything by {Actor}: stopped {Stopped}; still running {StillRunning}; removed {Removed}; already stopped {AlreadyStopped}; took {Milliseconds:F0} ms")]
    private partial void LogStopEverything(string actor, string stopped, string stillRunning, string removed, string alreadyStopped, double milliseconds);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Stop everything by {Actor} as {Role} refused")]
    private partial void LogRefused(string actor, ConsoleRole role);
}
