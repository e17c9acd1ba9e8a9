using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;

namespace DemoConsole.Core.Pipeline;

/// <summary>
/// <c>demo-commit</c>: one line appended to a file of the demo repository, committed through the GitHub API, and the
/// pipeline it starts. Declared so scenarios are checked against its parameters; its handler is not built yet.
/// </summary>
public static class DemoCommitKind
{
    public static readonly ActionKindDescriptor Descriptor = new()
    {
        Name = "demo-commit",
        Parameters =
        [
            new("file", ParameterType.Text, true, "file of the repository to append the demo line to"),
            new("repository", ParameterType.Text, false, "owner/name of the demo repository"),
            new("branch", ParameterType.Text, false, "branch to commit to"),
            new("message", ParameterType.Text, false, "commit message"),
            new("service", ParameterType.Text, false, "the service whose rollout follows"),
        ],
        Confirmation = ConfirmationStyle.Preview,
        ResultType = typeof(IActionResult),
        NotBuiltReason = "The demo commit (GitHub pipeline) is not available in this version of the console.",
    };
}
