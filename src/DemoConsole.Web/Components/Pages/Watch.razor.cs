using DemoConsole.Core.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Controls;
using DemoConsole.Web.Components.Panels.Cluster;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Pages;

/// <summary>
/// The audience screen: follows the presenter's page by server push and shows only what the audience may see:
/// the page title, the panels and the live results of actions, or the key messages and the architecture on a page with
/// nothing live. Never the script, notes or any control. Its theme (projector or light) is the session's.
/// </summary>
public sealed partial class Watch
{
    /// <summary>Id of the architecture view a page with nothing live shows when its section declares none.</summary>
    public const string IntroArchitectureId = "audience-architecture";

    private SessionSnapshot _snapshot = new();
    private RunBoard _board = RunBoard.Empty;

    [Inject]
    private DemoSession Session { get; set; } = default!;

    [Inject]
    private ActionExecutor Executor { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Localization.IStringLocalizer<Resources.UiText> L { get; set; } = default!;

    private Scenario Scenario => Session.Scenario;

    private ScenarioSection? Section => _snapshot.Position.Kind switch
    {
        PageKind.Part => Scenario.FindPart(_snapshot.Position.Part)?.Section,
        PageKind.Preparation => Scenario.Preparation,
        PageKind.Closing => Scenario.Closing,
        _ => null,
    };

    private string Heading => _snapshot.Position.Kind switch
    {
        PageKind.Part when Scenario.FindPart(_snapshot.Position.Part) is { } part => $"{part.Label} · {part.Title}",
        PageKind.Questions => L["Watch_Questions"],
        PageKind.Overview or PageKind.Checklists => Scenario.Title,
        _ => Section?.Title ?? Scenario.Title,
    };

    /// <summary>
    /// A page with nothing live of its own (no action, no panel, at most an architecture view): the audience gets the key
    /// messages and the architecture view instead of a bare title.
    /// </summary>
    private bool NothingLive =>
        Panels.Count == 0
        && !(Section?.Blocks.OfType<ActionBlock>().Any() ?? false)
        && (Section?.StandaloneViews.All(v => v.Kind == ViewKinds.Architecture) ?? true);

    /// <summary>The section's views; on a page with nothing live, the architecture view even when the section declares none.</summary>
    private IReadOnlyList<ViewDefinition> Views
    {
        get
        {
            var views = Section?.StandaloneViews.ToList() ?? [];
            return NothingLive && views.Count == 0
                ? [new ViewDefinition(IntroArchitectureId, ViewKinds.Architecture, L["Stage_ArchitectureTitle"], null, new Dictionary<string, string>(), 0)]
                : views;
        }
    }

    private List<PanelDefinition> Panels =>
        Section?.Blocks.OfType<PanelBlock>().Select(b => b.Panel).ToList() ?? [];

    private IReadOnlyList<ActionRunSnapshot> Runs
    {
        get
        {
            var actions = Section?.Blocks.OfType<ActionBlock>().Select(b => b.Action.Id).ToHashSet() ?? [];

            // A pipeline view on the page already shows the demo commit's timeline large; the projector shows it once.
            var pipelineShown = PipelineOnPage.Shows(Section);
            return _board.Runs.Where(r => actions.Contains(r.ActionId) && !(pipelineShown && PipelineOnPage.IsItsTimeline(r)))
                .GroupBy(r => r.ActionId).Select(g => g.First()).ToList();
        }
    }

    protected override void OnInitialized()
    {
        _snapshot = Session.Snapshot;
        _board = Executor.Board;
        Follow(Session.WatchAsync, snapshot => _snapshot = snapshot);
        Follow(Executor.WatchAsync, board => _board = board);
    }
}
