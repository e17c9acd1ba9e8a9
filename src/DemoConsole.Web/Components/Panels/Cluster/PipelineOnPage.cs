using DemoConsole.Core.Actions;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Web.Components.Panels.Cluster;

/// <summary>
/// The demo commit's timeline is shown once per screen: a part with a pipeline view shows it there, so the demo
/// commit's run does not show it again (on the audience screen its run is left out; on the presenter's, its card
/// keeps the status and the summary message with the figures).
/// </summary>
public static class PipelineOnPage
{
    /// <summary>Whether the section has a pipeline view, which shows the newest demo commit's timeline itself.</summary>
    public static bool Shows(ScenarioSection? section) => section?.StandaloneViews.Any(v => v.Kind == ViewKinds.Pipeline) == true;

    /// <summary>Whether the run's result is a demo commit's timeline, which such a view already shows.</summary>
    public static bool IsItsTimeline(ActionRunSnapshot run) => run.Kind == DemoCommitKind.Descriptor.Name;
}
