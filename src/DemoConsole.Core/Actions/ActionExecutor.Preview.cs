using DemoConsole.Core.Messages;
using DemoConsole.Core.Security;

namespace DemoConsole.Core.Actions;

/// <summary>
/// Part of <see cref="ActionExecutor"/>: the server-side preview of a kind that asks first, kept under an id that
/// <see cref="Start"/> takes back within <see cref="PreviewValidity"/>.
/// </summary>
public sealed partial class ActionExecutor
{
    /// <summary>
    /// Computes what a run would do (once, on the server) and keeps it under a preview id for
    /// <see cref="PreviewValidity"/>. Nothing is changed; a refused preview has no id.
    /// </summary>
    public async Task<ActionPreviewResult> PreviewAsync(Actor actor, string actionId, IReadOnlyDictionary<string, string>? runTimeParameters, CancellationToken cancellationToken)
    {
        if (Elsewhere is { } leader)
        {
            return await leader.PreviewAsync(actor, actionId, runTimeParameters, cancellationToken);
        }

        if (Resolve(actor, actionId, runTimeParameters, out var problem) is not { } action)
        {
            return new ActionPreviewResult(null, actionId, new UiMessage("Actions_RefusedReason", problem), null, false, problem, null);
        }

        var preview = await _handlers[action.Kind].PreviewAsync(action, cancellationToken);
        if (!preview.CanRun)
        {
            return new ActionPreviewResult(null, actionId, preview.Summary, preview.Target, false, preview.Reason, null);
        }

        var (id, until) = _previews.Add(action, preview.Pin, actor.Name);
        return new ActionPreviewResult(id, actionId, preview.Summary, preview.Target, true, null, until);
    }
}
