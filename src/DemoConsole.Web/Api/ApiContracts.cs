using DemoConsole.Core.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;

namespace DemoConsole.Web.Api;

// The HTTP API's shapes. Field names are part of the contract remotes and scripts rely on (camelCase on the wire).

public sealed record PartDto(int Number, string Title, int BudgetSeconds);

public sealed record TimersDto(
    bool Started, bool Paused, int TotalElapsedSeconds, int TotalTargetSeconds, int TotalLimitSeconds, string TotalPace,
    int PartElapsedSeconds, int PartBudgetSeconds, string PartPace);

public sealed record SessionDto(string Title, IReadOnlyList<PartDto> Parts, int CurrentPart, string Page, TimersDto Timers, string? Driver, IReadOnlyList<string> Presenters)
{
    public static SessionDto From(Scenario scenario, SessionSnapshot snapshot, TimerReadout timers) => new(
        scenario.Title,
        scenario.Parts.Select(p => new PartDto(p.Number, p.Title, (int)p.Budget.TotalSeconds)).ToList(),
        snapshot.CurrentPart,
        snapshot.Position.PresenterPath,
        new TimersDto(
            timers.Started, timers.Paused,
            (int)timers.TotalElapsed.TotalSeconds, (int)timers.TotalTarget.TotalSeconds, (int)timers.TotalLimit.TotalSeconds, Pace(timers.TotalPace),
            (int)timers.PartElapsed.TotalSeconds, (int)timers.PartBudget.TotalSeconds, Pace(timers.PartPace)),
        snapshot.Driver,
        snapshot.Presenters.ToList());

    private static string Pace(Pace pace) => pace switch
    {
        Core.Session.Pace.OnTime => "onTime",
        Core.Session.Pace.Behind => "behind",
        _ => "over",
    };
}

public sealed record ActionDto(string Id, string Kind, int? Part, string Title, bool CanRun, string? Reason)
{
    public static ActionDto From(ActionAvailability a) => new(a.Id, a.Kind, a.Part, a.Title, a.CanRun, a.Describe());
}

public sealed record RunDto(
    string RunId, string ActionId, string Kind, int? Part, string StartedBy, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    string? Message, IReadOnlyDictionary<string, string> Parameters, object? Result)
{
    public static RunDto From(ActionRunSnapshot run) => new(
        run.RunId, run.ActionId, run.Kind, run.Part, run.StartedBy, run.Status.ToString().ToLowerInvariant(), run.StartedAt, run.EndedAt,
        run.Message?.Format(), run.Parameters, run.Result);
}

public sealed record RunStartedDto(string RunId);

public sealed record ErrorDto(string Error);

/// <param name="GitHub">The sandbox's GitHub twin, as a GitHub Enterprise base address (REST under /api/v3/).</param>
/// <param name="Faults">Defects of the simulation so far (a simulated controller that threw); empty while it is sound.</param>
public sealed record SandboxDto(Uri KubernetesApi, Uri Gateway, string Kubeconfig, Uri? Prometheus, Uri? Alertmanager, Uri GitHub, IReadOnlyList<string> Faults);

/// <summary>A run or preview request: run-time parameters the action allows, or (to run) the preview to run exactly.</summary>
public sealed record RunRequestDto(IReadOnlyDictionary<string, string>? Parameters, string? PreviewId = null);

/// <summary>What a run would do; <c>previewId</c> runs exactly that for a minute (null when it may not run).</summary>
public sealed record PreviewDto(string? PreviewId, string Summary, string? Target, bool CanRun, string? Reason, DateTimeOffset? ValidUntil)
{
    public static PreviewDto From(ActionPreviewResult p) => new(p.PreviewId, p.Summary.Format(), p.Target, p.CanRun, p.Reason?.Format(), p.ValidUntil);
}

/// <summary>What stop everything did; durations in milliseconds.</summary>
public sealed record StopReportDto(
    string RequestedBy, DateTimeOffset RequestedAt, double TookMilliseconds,
    IReadOnlyList<StoppedRunDto> Stopped, IReadOnlyList<StoppedRunDto> StillRunning, IReadOnlyList<IdleActionDto> AlreadyStopped,
    IReadOnlyList<RemovedObjectDto> Removed, IReadOnlyList<RemovedObjectDto> AlreadyRemoved)
{
    public static StopReportDto From(Core.StopAll.StopReport r) => new(
        r.RequestedBy, r.RequestedAt, r.Took.TotalMilliseconds,
        r.Stopped.Select(StoppedRunDto.From).ToList(), r.StillRunning.Select(StoppedRunDto.From).ToList(),
        r.AlreadyStopped.Select(a => new IdleActionDto(a.ActionId, a.Title, a.Kind, a.LastStatus?.ToString().ToLowerInvariant())).ToList(),
        r.Removed.Select(RemovedObjectDto.From).ToList(), r.AlreadyRemoved.Select(RemovedObjectDto.From).ToList());
}

public sealed record StoppedRunDto(string RunId, string ActionId, string Title, string Kind, string Status, double? EndedAfterMilliseconds)
{
    public static StoppedRunDto From(Core.StopAll.StoppedRun s) =>
        new(s.RunId, s.ActionId, s.Title, s.Kind, s.Status.ToString().ToLowerInvariant(), s.EndedAfter?.TotalMilliseconds);
}

public sealed record IdleActionDto(string ActionId, string Title, string Kind, string? LastStatus);

public sealed record RemovedObjectDto(string Kind, string Name, string Namespace, string Outcome, bool Failed)
{
    public static RemovedObjectDto From(Core.StopAll.RemovedObject o) => new(o.Kind, o.Name, o.Namespace, o.Outcome.Format(), o.Failed);
}
