using System.Globalization;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Cluster;

public sealed partial class LogTailView : IAsyncDisposable
{
    private LogTailSnapshot? _snapshot;
    private LiveSubscription? _subscription;
    private string? _filter;
    private string? _problem;

    [Inject]
    private ILogTail Logs { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Parameter, EditorRequired]
    public ViewDefinition View { get; set; } = default!;

    [Parameter]
    public bool Large { get; set; }

    protected override void OnInitialized()
    {
        _filter = View.Parameters.GetValueOrDefault("filter");
        Follow();
    }

    private void Follow()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var tail = int.TryParse(View.Parameters.GetValueOrDefault("tail"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var lines) ? lines : 20;
        var request = new LogTailRequest(View.Parameters["namespace"], View.Parameters["selector"], View.Parameters["container"], tail,
            string.IsNullOrWhiteSpace(_filter) ? null : _filter);
        _subscription = LiveSubscription.Start(ct => Logs.FollowAsync(request, ct), snapshot => InvokeAsync(() =>
        {
            _snapshot = snapshot;
            StateHasChanged();
        }), Time);
    }

    /// <summary>A new filter restarts the tail; a pattern that is not a valid regex is refused with the reason.</summary>
    private async Task FilterChangedAsync(ChangeEventArgs e)
    {
        var filter = e.Value?.ToString();
        if (!string.IsNullOrWhiteSpace(filter) && !RegexText.IsValid(filter))
        {
            _problem = $"'{filter}' is not a valid regular expression.";
            return;
        }

        _problem = null;
        _filter = filter;
        await StopAsync();
        Follow();
    }


    private async Task StopAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
            _subscription = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
