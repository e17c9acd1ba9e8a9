using DemoConsole.Core.Recording.Replay;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Controls;
using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace DemoConsole.Web.Components.Layout;

/// <summary>
/// Frame of every presenter page: follows the shared session (every presenter screen shows the page the
/// driver is on) and the scenario (a reloaded runbook shows at once), registers this screen as connected, and
/// turns clicker and keyboard keys into navigation. A layout by its <see cref="Body"/> parameter; live by
/// <see cref="LiveComponent"/>, like every screen that follows live data.
/// </summary>
public sealed partial class PresenterLayout
{
    private readonly string _connectionKey = Guid.NewGuid().ToString("n");
    private Actor _actor = Actor.Viewer("anonymous");
    private SessionSnapshot _snapshot = new();
    private ScenarioState _scenario = default!;
    private PresenterContext _context = default!;
    private PresenterDensity _density = PresenterDensity.Auto;
    private DotNetObjectReference<PresenterLayout>? _keysReference;
    private IJSObjectReference? _keysModule;

    [Inject]
    private DemoSession Session { get; set; } = default!;

    [Inject]
    private IScenarioSource Scenarios { get; set; } = default!;

    [Inject]
    private ReplayPlayer Replay { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private PresenterPreferences Preferences { get; set; } = default!;

    /// <summary>The page inside this layout (set by the router, as for any layout).</summary>
    [Parameter]
    public RenderFragment? Body { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActor();
        }

        _snapshot = Session.Snapshot;
        _scenario = Scenarios.Current;
        _density = Preferences.Density(_actor.Name);
        _context = new PresenterContext(_actor, _snapshot, _scenario);
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        Session.Connect(_connectionKey, _actor);
        Follow<SessionSnapshot>(Session.WatchAsync, OnSnapshot);
        Follow<ScenarioState>(Scenarios.WatchAsync, OnScenario);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _keysReference = DotNetObjectReference.Create(this);
            _keysModule = await JS.InvokeAsync<IJSObjectReference>("import", "./js/keys.js");
            await _keysModule.InvokeVoidAsync("register", _keysReference);
        }
    }

    /// <summary>Called by wwwroot/js/keys.js for keys pressed outside text inputs.</summary>
    [JSInvokable]
    public Task OnKeyAsync(string key) => key switch
    {
        "ArrowRight" or "PageDown" => StepAsync(1),
        "ArrowLeft" or "PageUp" => StepAsync(-1),
        _ when Replay.Status.Active => OnReplayKeyAsync(key),
        "Home" => ApplyAsync(Session.GoTo(_actor, SessionPosition.Overview)),
        "Escape" => ConfirmStopAsync(),
        "p" => ApplyAsync(Session.Snapshot.Timers.PausedAt is null ? Session.PauseTimers(_actor) : Session.ResumeTimers(_actor)),
        [var digit] when char.IsAsciiDigit(digit) && digit != '0' => ApplyAsync(Session.GoTo(_actor, SessionPosition.ForPart(digit - '0'))),
        _ => Task.CompletedTask,
    };

    /// <summary>Keys during a replay control the replay: p pauses, a digit jumps to that part; stop everything still works.</summary>
    private Task OnReplayKeyAsync(string key) => key switch
    {
        "Escape" => ConfirmStopAsync(),
        "p" => ApplyAsync(Replay.Status.Paused ? Replay.Resume(_actor) : Replay.Pause(_actor)),
        [var digit] when char.IsAsciiDigit(digit) && digit != '0' => ApplyAsync(Replay.JumpToPart(_actor, digit - '0')),
        _ => Task.CompletedTask,
    };

    /// <summary>Stop everything always asks first; the dialog runs it and shows what it did.</summary>
    private async Task ConfirmStopAsync() =>
        await Dialogs.ShowAsync<StopEverythingDialog>(Resources.UiText.Get("Stop_Everything"),
            new DialogParameters<StopEverythingDialog> { { d => d.Actor, _actor } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });

    /// <summary>During a replay the clicker steps the replay part by part; the live session stays where it is.</summary>
    private Task StepAsync(int step) => ApplyAsync(Replay.Status.Active ? Replay.StepPart(_actor, step) : Session.Step(_actor, step));

    private Task ApplyAsync(CommandResult result)
    {
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Describe(), Severity.Warning);
        }

        return Task.CompletedTask;
    }

    private void OnSnapshot(SessionSnapshot snapshot)
    {
        var moved = snapshot.Position != _snapshot.Position;
        _snapshot = snapshot;
        _context = new PresenterContext(_actor, _snapshot, _scenario);
        if (moved && SessionPagePath() != snapshot.Position.PresenterPath)
        {
            Navigation.NavigateTo(snapshot.Position.PresenterPath);
        }
    }

    private void OnScenario(ScenarioState state)
    {
        _scenario = state;
        _context = new PresenterContext(_actor, _snapshot, _scenario);
    }

    private string SessionPagePath() => "/" + Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];

    protected override async ValueTask ReleaseAsync()
    {
        Session.Disconnect(_connectionKey);
        if (_keysModule is not null)
        {
            try
            {
                await _keysModule.InvokeVoidAsync("unregister");
                await _keysModule.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; nothing to unregister.
            }
        }

        _keysReference?.Dispose();
    }
}
