using System.Collections.Frozen;

namespace DemoConsole.Core.Scenarios;

/// <summary>
/// The action kinds a scenario may declare in <c>demo-action</c> blocks. Kinds are implemented over time:
/// an unknown kind is a warning (the console shows its button disabled), not an error.
/// See docs/scenario-format.md for each kind's parameters.
/// </summary>
public static class ActionKinds
{
    public const string LoadBurst = "load-burst";
    public const string RequestSequence = "request-sequence";
    public const string SteadyTraffic = "steady-traffic";
    public const string PodKill = "pod-kill";
    public const string RolloutRestart = "rollout-restart";
    public const string RolloutUndo = "rollout-undo";
    public const string ApplyManifest = "apply-manifest";
    public const string DeleteManifest = "delete-manifest";
    public const string DemoCommit = "demo-commit";

    public static IReadOnlySet<string> Known { get; } = new[]
    {
        LoadBurst, RequestSequence, SteadyTraffic, PodKill, RolloutRestart, RolloutUndo,
        ApplyManifest, DeleteManifest, DemoCommit,
    }.ToFrozenSet(StringComparer.Ordinal);
}
