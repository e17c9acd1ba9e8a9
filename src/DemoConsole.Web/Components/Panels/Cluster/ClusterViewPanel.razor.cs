using DemoConsole.Core.Cluster;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Cluster;

public sealed partial class ClusterViewPanel : IAsyncDisposable
{
    private ClusterViewsSnapshot? _snapshot;
    private LiveSubscription? _subscription;

    [Inject]
    private IClusterViews Views { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Parameter, EditorRequired]
    public ViewDefinition View { get; set; } = default!;

    [Parameter]
    public bool Large { get; set; }

    protected override void OnInitialized()
    {
        // Logs and rollout history read the cluster themselves; every other view shares the watchers' snapshot.
        if (RendererInfo.IsInteractive && View.Kind is not (ViewKinds.Logs or ViewKinds.RolloutHistory))
        {
            _subscription = LiveSubscription.Start(Views.WatchAsync, snapshot => InvokeAsync(() =>
            {
                _snapshot = snapshot;
                StateHasChanged();
            }), Time);
        }
    }

    /// <summary>The view's <c>namespace</c> parameter narrows it; without one it shows every demo namespace.</summary>
    private IReadOnlyList<T> InNamespace<T>(IReadOnlyList<T> items, Func<T, string> namespaceOf) =>
        View.Parameters.TryGetValue("namespace", out var ns) ? items.Where(i => namespaceOf(i) == ns).ToList() : items;

    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }
    }
}
