using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Security;
using DemoConsole.Core.StopAll;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DemoConsole.Web.Components.Controls;

/// <summary>Asks before stopping everything, runs it on the server as the signed-in presenter, and shows the report.</summary>
public sealed partial class StopEverythingDialog
{
    private IReadOnlyList<ActionRunSnapshot> _running = [];
    private IReadOnlyList<CreatedObject> _created = [];
    private StopReport? _report;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private StopEverything Stop { get; set; } = default!;

    [Inject]
    private ActionExecutor Executor { get; set; } = default!;

    [Inject]
    private SessionDeployments Created { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    protected override void OnInitialized()
    {
        _running = Executor.Board.Runs.Where(r => r.IsRunning).ToList();
        _created = Created.Present;
    }

    private async Task StopAsync()
    {
        _busy = true;
        // Not tied to the dialog: closing the tab must not leave the clean-up half done.
        var report = await Task.Run(() => Stop.RunAsync(Actor, CancellationToken.None));
        _busy = false;
        if (report.Refusal is not null)
        {
            Snackbar.Add(report.Refusal.Format(), Severity.Warning);
            Dialog.Close();
            return;
        }

        _report = report;
        // The title lives in the dialog's container, which renders only when told to.
        Dialog.StateHasChanged();
    }

    private void Cancel() => Dialog.Close();
}
