using DemoConsole.Core.Cluster;
using DemoConsole.Core.Cluster.Actions;

namespace DemoConsole.Web.Configuration;

/// <summary>The console's settings, bound from the <c>DemoConsole</c> section and validated at start-up.</summary>
public sealed class DemoConsoleOptions
{
    public const string SectionName = "DemoConsole";

    public AuthOptions Auth { get; set; } = new();

    /// <summary>
    /// The language of the console's screens: "ko" or "en" (see Resources/UiText). Empty: the scenario's own
    /// <c>language:</c>, else Korean. A presenter may still switch their own screen (Hosting/LanguagePreference).
    /// </summary>
    public string? Language { get; set; }

    /// <summary>Path of a scenario Markdown file; empty: the built-in Titanium scenario.</summary>
    public string? ScenarioPath { get; set; }

    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Base URL of the demo platform's gateway; empty in sandbox mode: the sandbox gateway.</summary>
    public string? GatewayUrl { get; set; }

    public LoadOptions Load { get; set; } = new();

    /// <summary>The Prometheus the metrics views read; empty in sandbox mode: the sandbox's.</summary>
    public MetricsSourceOptions Prometheus { get; set; } = new();

    /// <summary>The Alertmanager whose active alerts the alerts view shows; optional.</summary>
    public MetricsSourceOptions Alertmanager { get; set; } = new();

    /// <summary>Guard rails and pacing of the cluster actions (<c>DemoConsole:ClusterActions</c>), validated with the rest.</summary>
    public ClusterActionOptions ClusterActions { get; set; } = new();

    /// <summary>Where the session (part, timers, checklist) is kept across restarts; empty: not kept.</summary>
    public string? StateFile { get; set; } = System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "demo-console", "session.json");

    /// <summary>
    /// A Redis connection string (StackExchange.Redis format, e.g. <c>redis:6379,password=...</c>): console replicas share
    /// the session, the run board and the sign-in keys through it, and one of them (the leader) runs the actions. Empty:
    /// everything stays in this process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>How replicas sharing that Redis choose their leader (<c>DemoConsole:Replicas</c>).</summary>
    public ReplicaOptions Replicas { get; set; } = new();

    /// <summary>Recording of sessions (<c>DemoConsole:Recording</c>): on at start, and where the files go.</summary>
    public RecordingOptions Recording { get; set; } = new();

    /// <summary>Extra origins the panels may be framed from, besides the origins of the scenario's panels.</summary>
    public IList<string> FrameOrigins { get; init; } = [];
}

public sealed class RecordingOptions
{
    /// <summary>Record from start-up; unset: on in sandbox mode (a rehearsal), off against a cluster.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Where recordings go; unset: <c>recordings/</c> beside the state file (none when the state file is off).</summary>
    public string? Folder { get; set; }
}

public sealed class AuthOptions
{
    /// <summary>The presenter's key. Empty: a random key is generated at start and a sign-in link is logged once.</summary>
    public string? PresenterKey { get; set; }

    /// <summary>The token of the audience link. Empty: a random token is generated.</summary>
    public string? ViewerToken { get; set; }

    /// <summary>When true, anyone who can reach the console may watch <c>/watch</c> without a token.</summary>
    public bool OpenWatching { get; set; }

    /// <summary>Sign-in attempts (form and audience link) one address may make per minute; more are answered 429.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>API write calls one address may make per minute (a clicker app needs a few; a key guesser needs many).</summary>
    public int ApiWritesPerMinute { get; set; } = 120;
}

public sealed class ClusterOptions
{
    public ClusterMode Mode { get; set; } = ClusterMode.Sandbox;

    /// <summary>Kubeconfig path for <see cref="ClusterMode.Kubeconfig"/>; empty: the usual KUBECONFIG rules.</summary>
    public string? Kubeconfig { get; set; }

    public string? Context { get; set; }

    /// <summary>
    /// For <see cref="ClusterMode.InCluster"/>: the folder holding the service account's token, ca.crt and namespace;
    /// empty: where the kubelet mounts them (/var/run/secrets/kubernetes.io/serviceaccount).
    /// </summary>
    public string? ServiceAccountFolder { get; set; }

    /// <summary>Sandbox ports (defaults as in the runbook: API 6443, gateway NodePort 31304); taken ports fall back to free ones.</summary>
    public int SandboxApiPort { get; set; } = 6443;

    public int SandboxGatewayPort { get; set; } = 31304;

    /// <summary>Port of the sandbox's Prometheus twin (Prometheus HTTP API and Alertmanager API v2).</summary>
    public int SandboxPrometheusPort { get; set; } = 30090;

    /// <summary>Port of the sandbox's GitHub twin (GitHub Enterprise layout, REST under /api/v3/).</summary>
    public int SandboxGitHubPort { get; set; } = 9443;

    /// <summary>Speed of the sandbox's simulated time (1 = realistic; tests use less).</summary>
    public double SandboxTimeScale { get; set; } = 1.0;
}

/// <summary>Server-side caps on every load or error burst, from a button or the API alike.</summary>
public sealed class LoadOptions
{
    public double MaxRate { get; set; } = 1_000;

    public int MaxRequests { get; set; } = 20_000;

    public int MaxDurationSeconds { get; set; } = 300;

    public int MaxInFlight { get; set; } = 200;

    /// <summary>
    /// Send closed-model runs (bursts with <c>connections</c>) from a load worker process of their own, as fast as the
    /// command line sends them (true, the default); false sends them from the console's own process.
    /// </summary>
    public bool UseWorkerProcess { get; set; } = true;
}
