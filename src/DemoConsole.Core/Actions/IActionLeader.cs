using DemoConsole.Core.Security;

namespace DemoConsole.Core.Actions;

/// <summary>
/// Where actions run when several console replicas share one state: on one replica at a time, the leader, so a
/// burst or a pod kill never runs twice. The executor of every other replica hands each command to it and shows the
/// leader's run board. Without replicas there is no leader and the executor runs everything itself.
/// </summary>
public interface IActionLeader
{
    /// <summary>True when this process is the leader and runs actions itself.</summary>
    bool RunsHere { get; }

    /// <summary>Starts the run on the leader; the leader checks the role and the guard rails as for its own screens.</summary>
    RunStartResult Start(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, string? previewId);

    RunStartResult Stop(Actor actor, string runId);

    IReadOnlyList<ActionRunSnapshot> StopAll(Actor actor);

    /// <summary>The preview is made and kept on the leader, so the run that names its id runs there exactly.</summary>
    Task<ActionPreviewResult> PreviewAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, CancellationToken cancellationToken);
}
