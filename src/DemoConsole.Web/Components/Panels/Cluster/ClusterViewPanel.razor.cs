using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Security;
using MudBlazor;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Cluster;

public sealed partial class ClusterViewPanel
{
    private ClusterViewsSnapshot? _snapshot;

    [Inject]
    private IClusterViews Views { get; set; } = default!;

    [Parameter, EditorRequired]
    public ViewDefinition View { get; set; } = default!;

    [Parameter]
    public bool Large { get; set; }

    /// <summary>The part's pod-kill action: lets the presenter pick the pod from this live list (pods views only).</summary>
    [Parameter]
    public ActionDefinition? KillAction { get; set; }

    [Parameter]
    public Actor? Actor { get; set; }

    [Inject]
    private ActionExecutor Executor { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private readonly ConfirmationState _confirmation = new();

    /// <summary>The confirmation shows the server's dry-run preview of exactly this pod; confirming deletes that pod or nothing.</summary>
    private async Task PickPodAsync(PodView pod)
    {
        if (KillAction is not { } action || Actor is not { } actor)
        {
            return;
        }

        var picked = new Dictionary<string, string>(StringComparer.Ordinal) { ["pod"] = pod.Name };
        await _confirmation.PreviewAsync(action.Id, () => Executor.PreviewAsync(actor, action.Id, picked, CancellationToken.None));
    }

    private void ConfirmKill()
    {
        if (KillAction is not { } action || Actor is not { } actor || _confirmation.Take(action.Id) is not { } previewId)
        {
            return;
        }

        var started = Executor.Start(actor, action.Id, null, previewId);
        if (!started.Started)
        {
            Snackbar.Add(started.Describe(), Severity.Warning);
        }
    }

    protected override void OnInitialized()
    {
        // Logs and rollout history read the cluster themselves, metrics views read Prometheus; every other view shares the watchers' snapshot.
        if (View.Kind is not (ViewKinds.Logs or ViewKinds.RolloutHistory) && !ViewKinds.Metrics.Contains(View.Kind))
        {
            Follow(Views.WatchAsync, snapshot => _snapshot = snapshot);
        }
    }

    /// <summary>The view's <c>namespace</c> parameter narrows it; without one it shows every demo namespace.</summary>
    private IReadOnlyList<T> InNamespace<T>(IReadOnlyList<T> items, Func<T, string> namespaceOf) =>
        View.Parameters.TryGetValue("namespace", out var ns) ? items.Where(i => namespaceOf(i) == ns).ToList() : items;
}
