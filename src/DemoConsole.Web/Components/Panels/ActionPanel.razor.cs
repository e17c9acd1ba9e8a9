using DemoConsole.Core.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DemoConsole.Web.Components.Panels;

/// <summary>The buttons of a section's actions with each one's live result. Every click goes through the executor.</summary>
public sealed partial class ActionPanel
{
    private RunBoard _board = RunBoard.Empty;

    [Inject]
    private ActionExecutor Executor { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ActionDefinition> Actions { get; set; } = [];

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    protected override void OnInitialized()
    {
        _board = Executor.Board;
        Follow(Executor.WatchAsync, board => _board = board);
    }

    private string? _confirming;

    private void Run(ActionDefinition action)
    {
        if (ActionConfirmation.AsksFirst(action.Kind))
        {
            _confirming = action.Id;
            return;
        }

        Start(action);
    }

    private void Confirmed(ActionDefinition action)
    {
        _confirming = null;
        Start(action);
    }

    private void Start(ActionDefinition action)
    {
        var started = Executor.Start(Actor, action.Id);
        if (!started.Started)
        {
            Snackbar.Add(started.Error, Severity.Warning);
        }
    }

    private void Stop(ActionRunSnapshot run)
    {
        var stopped = Executor.Stop(Actor, run.RunId);
        if (!stopped.Started)
        {
            Snackbar.Add(stopped.Error, Severity.Warning);
        }
    }
}
