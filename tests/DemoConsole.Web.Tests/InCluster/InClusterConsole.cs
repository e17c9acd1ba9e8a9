using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Security;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.InCluster;

/// <summary>
/// The console as it runs in a pod, against the sandbox standing in for the cluster: the manifests' namespace, service
/// account and RBAC applied with the real kubectl (optionally with one rule or binding taken out), a token from
/// <c>kubectl create token</c>, the in-cluster file layout (token, ca.crt, namespace) in a temporary folder, the API's TLS
/// port in KUBERNETES_SERVICE_HOST/PORT, and the console in <c>InCluster</c> mode. Everything else (gateway, Prometheus,
/// GitHub) points at the sandbox's twins, as a real deployment points at the platform's.
/// </summary>
public sealed class InClusterConsole : IAsyncDisposable
{
    public const string ConsoleNamespace = "demo-console";
    public static readonly Actor Presenter = Actor.Presenter("presenter");

    private readonly string _folder;
    private readonly (string? Host, string? Port) _previous;

    private InClusterConsole(SandboxHost sandbox, ConsoleWebFactory console, string folder, (string?, string?) previous)
    {
        Sandbox = sandbox;
        Console = console;
        _folder = folder;
        _previous = previous;
    }

    public SandboxHost Sandbox { get; }

    public ConsoleWebFactory Console { get; }

    public static string Base => Path.Combine(RepoPaths.RepoRoot, "docker", "kubernetes", "base");

    /// <summary>The Role and RoleBinding of the replicas' Lease election (overlays/replicas), applied with the base's RBAC.</summary>
    public static string LeaderElectionRbac => Path.Combine(RepoPaths.RepoRoot, "docker", "kubernetes", "overlays", "replicas", "leader-election-rbac.yaml");

    public ActionExecutor Executor => Console.Services.GetRequiredService<ActionExecutor>();

    public IClusterViews Views => Console.Services.GetRequiredService<IClusterViews>();

    /// <param name="without">kubectl arguments that take something out of the applied RBAC before the token is made
    /// (e.g. <c>patch role … --type=json -p [{"op":"remove","path":"/rules/0"}]</c>), or none.</param>
    public static Task<InClusterConsole> StartAsync(params string[] without) => StartAsync(null, without);

    /// <param name="redis">A Redis to share as a replica (<c>DemoConsole:Redis</c>): the console then takes part in the
    /// Lease election (the default in-cluster), or null for a console on its own.</param>
    /// <param name="without">As for <see cref="StartAsync(string[])"/>.</param>
    public static async Task<InClusterConsole> StartAsync(RealRedis? redis, params string[] without)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, GitHubPort = 0, TimeScale = 0.01,
            KubeconfigPath = Path.Combine(Directory.CreateTempSubdirectory("in-cluster-admin-").FullName, "kubeconfig"),
        });
        var folder = await PodFilesAsync(sandbox, without);

        var previous = (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"), Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT"));
        // What the kubelet sets in every pod. Process-wide: the tests using this class run one at a time (InClusterCollection).
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_HOST", sandbox.KubernetesApiSecure.Host);
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_PORT", sandbox.KubernetesApiSecure.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var console = new ConsoleWebFactory()
            .With("DemoConsole:Cluster:Mode", "InCluster")
            .With("DemoConsole:Cluster:ServiceAccountFolder", folder)
            .With("DemoConsole:GatewayUrl", sandbox.Gateway.ToString())
            .With("DemoConsole:Prometheus:Url", sandbox.Prometheus.ToString())
            .With("DemoConsole:Alertmanager:Url", sandbox.Alertmanager.ToString())
            .With("DemoConsole:GitHub:Url", sandbox.GitHub.ToString())
            .With("DemoConsole:GitHub:Token", sandbox.GitHubToken)
            .With("DemoConsole:GitHub:PollInterval", "00:00:00.5")
            .With("DemoConsole:ClusterActions:ManifestFolders:0", Path.GetDirectoryName(SandboxHost.LoadGeneratorManifestPath));
        if (redis is not null)
        {
            console = console.With("DemoConsole:Redis", redis.ConnectionString).With("DemoConsole:StateFile", "");
        }

        _ = console.Services;
        return new InClusterConsole(sandbox, console, folder, previous);
    }

    /// <summary>
    /// The manifests' namespace, service account and RBAC (the Lease election's included) applied to
    /// <paramref name="sandbox"/> with kubectl, less <paramref name="without"/>; then what the kubelet mounts in a pod
    /// (token, ca.crt, namespace) in a temporary folder, which is returned.
    /// </summary>
    public static async Task<string> PodFilesAsync(SandboxHost sandbox, params string[] without)
    {
        var admin = sandbox.KubeconfigPath;
        await KubectlCommand.RunAsync(admin, "apply",
            "-f", Path.Combine(Base, "namespace.yaml"), "-f", Path.Combine(Base, "serviceaccount.yaml"), "-f", Path.Combine(Base, "rbac.yaml"),
            "-f", LeaderElectionRbac);
        if (without.Length > 0)
        {
            await KubectlCommand.RunAsync(admin, without);
        }

        var token = (await KubectlCommand.RunAsync(admin, "create", "token", "demo-console", "-n", ConsoleNamespace)).Trim();
        var folder = Directory.CreateTempSubdirectory("in-cluster-sa-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "token"), token);
        await File.WriteAllTextAsync(Path.Combine(folder, "ca.crt"), sandbox.CertificateAuthorityPem);
        await File.WriteAllTextAsync(Path.Combine(folder, "namespace"), ConsoleNamespace);
        return folder;
    }

    /// <summary>The views once every informer has answered: synced (pods, workloads) or a problem for the others.</summary>
    public Task<ClusterViewsSnapshot> SettledViewsAsync(Func<ClusterViewsSnapshot, bool>? also = null) =>
        AsyncWait.ForAsync(Views.WatchAsync, s => (s.Synced || s.Connection.State == ConnectionState.Unavailable) && (also?.Invoke(s) ?? true),
            "the cluster views to settle", TimeSpan.FromSeconds(60));

    /// <summary>Runs a scenario action as the presenter (through a preview when the kind has one) and waits for its end.</summary>
    public async Task<ActionRunSnapshot> RunAsync(string actionId, bool preview, TimeSpan? timeout = null)
    {
        string? previewId = null;
        if (preview)
        {
            var previewed = await Executor.PreviewAsync(Presenter, actionId, null, CancellationToken.None);
            if (!previewed.CanRun)
            {
                return new ActionRunSnapshot
                {
                    RunId = "", ActionId = actionId, Kind = "", Title = "", StartedBy = Presenter.Name, StartedAt = DateTimeOffset.UtcNow,
                    Status = ActionRunStatus.Refused, Message = UiMessage.Verbatim($"preview refused: {previewed.Reason}"),
                };
            }

            previewId = previewed.PreviewId;
        }

        var started = Executor.Start(Presenter, actionId, null, previewId);
        Assert.True(started.Started, started.Error);
        return await AsyncWait.ForAsync(Executor.WatchAsync, b => b.FindRun(started.RunId!) is { IsRunning: false },
            $"action {actionId} to end", timeout ?? TimeSpan.FromSeconds(90)) is var board ? board.FindRun(started.RunId!)! : null!;
    }

    public async ValueTask DisposeAsync()
    {
        await Console.DisposeAsync();
        await Sandbox.DisposeAsync();
        // As it was (a CI job running in a pod has its own).
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_HOST", _previous.Host);
        Environment.SetEnvironmentVariable("KUBERNETES_SERVICE_PORT", _previous.Port);
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The in-cluster tests set KUBERNETES_SERVICE_HOST/PORT for the process: they run alone.</summary>
[CollectionDefinition(nameof(InClusterCollection), DisableParallelization = true)]
public sealed class InClusterCollection;
