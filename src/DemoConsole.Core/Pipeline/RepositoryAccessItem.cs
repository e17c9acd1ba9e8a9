using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Pipeline;

/// <summary>One thing the demo needs from GitHub ("repository", "branch", "file", "push", "actions") and whether it is there.</summary>
/// <param name="Text">What was found, for a screen in its language.</param>
public sealed record RepositoryAccessItem(string Name, bool Passed, UiMessage Text)
{
    /// <summary><see cref="Text"/> in English (logs, the start-up check).</summary>
    public string Detail => Text.ToString();
}
