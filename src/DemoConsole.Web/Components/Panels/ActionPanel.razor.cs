using DemoConsole.Core.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DemoConsole.Web.Components.Panels;

/// <summary>
/// The buttons of a section's actions with each one's live result. Every click goes through the executor; a kind
/// that asks first is previewed once on the server when clicked, and confirming runs exactly that preview.
/// </summary>
public sealed partial class ActionPanel
{
    private RunBoard _board = RunBoard.Empty;
    private readonly ConfirmationState _confirmation = new();

    [Inject]
    private ActionExecutor Executor { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ActionDefinition> Actions { get; set; } = [];

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>The page has a pipeline view: a demo commit's card then shows its status and summary, not the timeline again.</summary>
    [Parameter]
    public bool PipelineViewShown { get; set; }

    private string PipelineBelow => L["Actions_PipelineBelow"];

    protected override void OnInitialized()
    {
        _board = Executor.Board;
        Follow(Executor.WatchAsync, board => _board = board);
    }

    private async Task RunAsync(ActionDefinition action)
    {
        if (Executor.Describe(action.Kind)?.AsksFirst != true)
        {
            Start(action.Id, null);
            return;
        }

        // Blazor renders the open confirmation (with its progress bar) at the await, before the preview arrives.
        await _confirmation.PreviewAsync(action.Id, () => Executor.PreviewAsync(Actor, action.Id, null, CancellationToken.None));
    }

    private void Confirmed(string actionId)
    {
        var previewId = _confirmation.Take(actionId);
        if (previewId is not null)
        {
            Start(actionId, previewId);
        }
    }

    private void Start(string actionId, string? previewId)
    {
        var started = Executor.Start(Actor, actionId, null, previewId);
        if (!started.Started)
        {
            Snackbar.Add(started.Describe(), Severity.Warning);
        }
    }

    private void Stop(ActionRunSnapshot run)
    {
        var stopped = Executor.Stop(Actor, run.RunId);
        if (!stopped.Started)
        {
            Snackbar.Add(stopped.Describe(), Severity.Warning);
        }
    }
}
