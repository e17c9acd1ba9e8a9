using DemoConsole.Core.Panels;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels;

public sealed partial class PanelFrame
{
    private Uri _frameUrl = default!;
    private FrameProbeResult? _probe;
    private bool _nativeChosen;

    [Inject]
    private FrameProbe Probe { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private PanelModes Modes { get; set; } = default!;

    [Parameter, EditorRequired]
    public PanelDefinition Panel { get; set; } = default!;

    [Parameter]
    public bool Large { get; set; }

    /// <summary>The audience sees that a panel is unavailable, not addresses, errors or how to reconfigure Grafana.</summary>
    [Parameter]
    public bool ShowFix { get; set; } = true;

    /// <summary>The console's own view to show instead of a frame that cannot be shown (see <see cref="ScenarioSection.FallbackOf"/>).</summary>
    [Parameter]
    public ViewDefinition? Fallback { get; set; }

    private bool ShowsNative => Fallback is not null && _probe is not null && (!_probe.CanShow || _nativeChosen);

    private string Mode => _probe is null ? "probing" : ShowsNative ? "native" : _probe.CanShow ? "frame" : "problem";

    /// <summary>The presenter's switch is shared: the audience screen follows it.</summary>
    protected override void OnInitialized() => Follow(Modes.WatchAsync, native => _nativeChosen = native.Contains(Panel.Id));

    protected override void OnParametersSet() => _frameUrl = PanelUrls.FrameUrl(Panel);

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            _probe = await Probe.ProbeAsync(_frameUrl, new Uri(Navigation.BaseUri), CancellationToken.None);
        }
    }
}
