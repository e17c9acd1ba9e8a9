namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Guard rails and pacing for the cluster actions (pod-kill, rollout, manifests). Enforced on the server for
/// the UI and the API alike; the defaults are the safe ones.
/// </summary>
public sealed record ClusterActionOptions
{
    /// <summary>Namespaces cluster actions may touch. Empty: the scenario's application namespace, else titanium-prod.</summary>
    public IReadOnlyList<string> AllowedNamespaces { get; init; } = [];

    /// <summary>Whether StatefulSets and databases may be killed or restarted. Off: they are refused with the reason.</summary>
    public bool AllowProtectedWorkloads { get; init; }

    /// <summary>Words that mark a workload as a database when found in its name or label values.</summary>
    public IReadOnlyList<string> ProtectedWords { get; init; } = ["postgres", "redis", "mysql", "mariadb", "mongo", "database"];

    /// <summary>Shortest time between two pod kills, so a double click or a loop cannot take a service down.</summary>
    public TimeSpan MinimumKillInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a kill run waits for a Ready replacement before it reports a failed recovery.</summary>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a rollout or an applied Deployment may take to become Ready.</summary>
    public TimeSpan RolloutTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long one watch stream is trusted before it is closed and the pods listed afresh: a watchdog for streams
    /// that go silent (a dead connection without a reset), so a recovery is never waited for on a dead stream.
    /// </summary>
    public TimeSpan WatchWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Path probed on the gateway while a killed pod is replaced (the seed's curl loop).</summary>
    public string AvailabilityPath { get; init; } = "/blog/";

    /// <summary>Time between availability probes: a light stream, far below the load caps.</summary>
    public TimeSpan AvailabilityInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Folders manifests may be read from. A scenario's manifest path is looked up in each, as given and then by
    /// its shorter tails, and must stay inside the folder. Empty: no manifest can be applied.
    /// </summary>
    public IReadOnlyList<string> ManifestFolders { get; init; } = [];

    /// <summary>The field manager of server-side apply, as kubectl's is "kubectl".</summary>
    public string FieldManager { get; init; } = "demo-console";

    /// <summary>Every problem with these options at once (empty when they are usable).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MinimumKillInterval < TimeSpan.Zero)
        {
            problems.Add("MinimumKillInterval must not be negative.");
        }

        if (RecoveryTimeout <= TimeSpan.Zero || RolloutTimeout <= TimeSpan.Zero)
        {
            problems.Add("RecoveryTimeout and RolloutTimeout must be positive.");
        }

        if (WatchWindow < TimeSpan.FromMilliseconds(10))
        {
            problems.Add("WatchWindow must be at least 10 ms.");
        }

        if (AvailabilityInterval < TimeSpan.FromMilliseconds(50))
        {
            problems.Add("AvailabilityInterval must be at least 50 ms: availability probes are a light stream, not load.");
        }

        if (!AvailabilityPath.StartsWith('/'))
        {
            problems.Add("AvailabilityPath must start with '/'.");
        }

        problems.AddRange(ManifestFolders.Where(f => !Path.IsPathFullyQualified(f)).Select(f => $"Manifest folder '{f}' must be an absolute path."));
        return problems;
    }
}
