namespace DemoConsole.Core.Actions.Kinds;

/// <summary>Whether, and how, an action asks the presenter before it runs.</summary>
public enum ConfirmationStyle
{
    /// <summary>Runs on the click (load bursts: nothing in the cluster changes).</summary>
    None,

    /// <summary>Asks with a sentence that names what will change (the handler's preview, no cluster read needed).</summary>
    Sentence,

    /// <summary>Asks with a preview computed on the server (the exact pod, revision or objects); a run does exactly that.</summary>
    Preview,
}
