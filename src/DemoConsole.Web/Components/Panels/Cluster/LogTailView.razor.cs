using System.Globalization;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Cluster;

public sealed partial class LogTailView
{
    private LogTailSnapshot? _snapshot;
    private LiveSubscription? _subscription;
    private string? _filter;
    private string? _problem;

    [Inject]
    private ILogTail Logs { get; set; } = default!;

    [Parameter, EditorRequired]
    public ViewDefinition View { get; set; } = default!;

    [Parameter]
    public bool Large { get; set; }

    protected override void OnInitialized()
    {
        _filter = View.Parameters.GetValueOrDefault("filter");
        FollowTail();
    }

    private void FollowTail()
    {
        var tail = int.TryParse(View.Parameters.GetValueOrDefault("tail"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var lines) ? lines : 20;
        var request = new LogTailRequest(View.Parameters["namespace"], View.Parameters["selector"], View.Parameters["container"], tail,
            string.IsNullOrWhiteSpace(_filter) ? null : _filter);
        // A recording keeps each tail apart by what it follows (a replay shows each panel its own lines).
        _subscription = Follow(ct => Logs.FollowAsync(request, ct), snapshot => _snapshot = snapshot,
            replayKey: $"{request.Namespace}/{request.LabelSelector}/{request.Container}/{request.Filter}");
    }

    /// <summary>A new filter restarts the tail; a pattern that is not a valid regex is refused with the reason.</summary>
    private async Task FilterChangedAsync(ChangeEventArgs e)
    {
        var filter = e.Value?.ToString();
        if (!string.IsNullOrWhiteSpace(filter) && !RegexText.IsValid(filter))
        {
            _problem = L["Logs_BadFilter", filter];

            return;
        }

        _problem = null;
        _filter = filter;
        await StopFollowingAsync(_subscription);
        FollowTail();
    }

}
