namespace DemoConsole.Core.Cluster;

/// <summary>A pod the way `kubectl get pods -o wide` shows it, plus its containers and owning workload.</summary>
/// <param name="Status">What kubectl's STATUS column says: Running, Pending, ContainerCreating, Terminating, CrashLoopBackOff...</param>
/// <param name="Owner">The workload that owns the pod (a ReplicaSet is resolved to its Deployment), or null for a bare pod.</param>
public sealed record PodView(
    string Namespace,
    string Name,
    int ReadyContainers,
    int TotalContainers,
    string Status,
    int Restarts,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<ContainerView> Containers,
    WorkloadRef? Owner,
    string? Node,
    string? Phase,
    bool Terminating,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>"2/2", as in kubectl's READY column.</summary>
    public string Ready => $"{ReadyContainers}/{TotalContainers}";

    /// <summary>True when the Istio sidecar (<c>istio-proxy</c>) was injected.</summary>
    public bool HasSidecar => Containers.Any(c => c.IsSidecar);

    /// <summary>True when the pod opted out of injection (annotation <c>sidecar.istio.io/inject: "false"</c>), as the data tier does.</summary>
    public bool SidecarOptOut { get; init; }

    public bool IsRunningAndReady => Phase == "Running" && !Terminating && TotalContainers > 0 && ReadyContainers == TotalContainers;

    /// <summary>kubectl's AGE column at <paramref name="now"/> ("45s", "3m12s", "5d").</summary>
    public string AgeAt(DateTimeOffset now) => CreatedAt is { } created ? Ages.Format(now - created) : "<unknown>";
}

/// <param name="State">Running, Waiting: reason, Terminated: reason.</param>
public sealed record ContainerView(string Name, string? Image, bool Ready, int Restarts, string State, bool IsSidecar);

/// <summary>A workload by kind and name ("Deployment", "prod-blog-service-deployment").</summary>
public sealed record WorkloadRef(string Kind, string Name)
{
    public override string ToString() => $"{Kind}/{Name}";
}

/// <summary>kubectl's short age format.</summary>
public static class Ages
{
    public static string Format(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalMinutes < 2 ? $"{(int)age.TotalSeconds}s"
            : age.TotalMinutes < 10 ? $"{(int)age.TotalMinutes}m{age.Seconds}s"
            : age.TotalHours < 3 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 8 ? $"{(int)age.TotalHours}h{age.Minutes}m"
            : age.TotalDays < 2 ? $"{(int)age.TotalHours}h"
            : age.TotalDays < 8 ? $"{(int)age.TotalDays}d{age.Hours}h"
            : $"{(int)age.TotalDays}d";
    }
}
