using DemoConsole.Core.Actions;

namespace DemoConsole.Web.Components.Panels;

/// <summary>
/// The one confirmation a panel has open: which action, and the server's preview for it once it arrives. A preview is
/// asked for once per click (never on a re-render); a newer click or a cancel makes an older answer count for nothing.
/// </summary>
public sealed class ConfirmationState
{
    private long _version;

    /// <summary>The action being confirmed, or null.</summary>
    public string? ActionId { get; private set; }

    /// <summary>The preview shown; null while it is computed.</summary>
    public ActionPreviewResult? Preview { get; private set; }

    public async Task PreviewAsync(string actionId, Func<Task<ActionPreviewResult>> preview)
    {
        Cancel();
        var version = _version;
        ActionId = actionId;
        var result = await preview();
        if (version == _version)
        {
            Preview = result;
        }
    }

    /// <summary>Closes the confirmation and returns the preview id to run, if the preview allows a run.</summary>
    public string? Take(string actionId)
    {
        var previewId = ActionId == actionId && Preview is { CanRun: true } p ? p.PreviewId : null;
        Cancel();
        return previewId;
    }

    public void Cancel()
    {
        _version++;
        ActionId = null;
        Preview = null;
    }
}
