namespace DemoConsole.Sandbox.Controllers.Faults;

/// <summary>The failures a workload can be made to have, as the runbook's emergency plans rehearse them.</summary>
internal enum FaultKind
{
    /// <summary>The app container exits with code 1 shortly after each start: Error, CrashLoopBackOff, restarts counting up.</summary>
    CrashLoop,

    /// <summary>The app container is killed for exceeding its memory limit (exit code 137, OOMKilled), then restarted with back-off.</summary>
    OomKill,

    /// <summary>The deployment is patched to an image tag the registry does not have: ErrImagePull, then ImagePullBackOff.</summary>
    ImagePull,

    /// <summary>The app container runs but its readiness probe fails: not Ready, out of the endpoints, 503 when none is left.</summary>
    Readiness,
}

/// <summary>The names faults have on the wire (the sandbox endpoint and the console's inject-fault action).</summary>
internal static class FaultKinds
{
    public static readonly IReadOnlyDictionary<string, FaultKind> ByName = new Dictionary<string, FaultKind>(StringComparer.Ordinal)
    {
        ["crash-loop"] = FaultKind.CrashLoop,
        ["oom-kill"] = FaultKind.OomKill,
        ["image-pull"] = FaultKind.ImagePull,
        ["readiness"] = FaultKind.Readiness,
    };

    public static string Name(FaultKind kind) => ByName.First(kv => kv.Value == kind).Key;
}
