using System.Globalization;
using DemoConsole.Core.Recording.Replay;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Controls;

/// <summary>Total and per-part timers with pacing colours; ticks once a second on its own, re-rendering only itself.</summary>
public sealed partial class TimerBar : IDisposable
{
    private ITimer? _tick;
    private TimerReadout _readout = default!;

    [Inject]
    private DemoSession Session { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ReplayPlayer Replay { get; set; } = default!;

    [Parameter, EditorRequired]
    public SessionSnapshot Snapshot { get; set; } = default!;

    [Parameter, EditorRequired]
    public Scenario Scenario { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            _tick = Time.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    protected override void OnParametersSet() => _readout = Read();

    protected override bool ShouldRender()
    {
        _readout = Read();
        return true;
    }

    // During a replay the timers read against the recorded moment shown, so they show what they showed then.
    private TimerReadout Read() => TimerReadout.Read(Snapshot.Timers, Scenario, Snapshot.CurrentPart, Replay.Status.Active ? Replay.Status.Clock : Time.GetUtcNow());

    private void Start() => Session.StartTimers(Actor);

    private void Pause() => Session.PauseTimers(Actor);

    private void Resume() => Session.ResumeTimers(Actor);

    internal static string PaceClass(Pace pace) => pace switch
    {
        Pace.OnTime => "pace-on-time",
        Pace.Behind => "pace-behind",
        _ => "pace-over",
    };

    internal static string Clock(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes:00}:{value.Seconds:00}");

    private string Minutes(TimeSpan value) => L["Duration_Minutes", value.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)];

    public void Dispose() => _tick?.Dispose();
}
