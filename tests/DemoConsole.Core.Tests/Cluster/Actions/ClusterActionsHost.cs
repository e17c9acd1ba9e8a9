using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared;
using k8s;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Core.Tests.Cluster.Actions;

/// <summary>
/// One private sandbox (free ports, fast clock) with the cluster actions wired as the console wires them: the
/// real KubernetesClient from the sandbox's kubeconfig, the real load engine aimed at the sandbox's gateway,
/// and the real executor over the default scenario (or the actions a test gives).
/// </summary>
internal sealed class ClusterActionsHost : IAsyncDisposable
{
    public static readonly Actor Presenter = Actor.Presenter("alice");

    private readonly ServiceProvider _services;

    private ClusterActionsHost(SandboxHost sandbox, ClusterActionOptions options, Scenario scenario, ClusterMode mode)
    {
        Sandbox = sandbox;
        var services = new ServiceCollection();
        services.AddSingleton<IClusterConnection>(new ClusterConnection(() => new ClusterTarget(mode, sandbox.KubeconfigPath)));
        services.AddSingleton<ILoadEngine>(new HttpLoadEngine(new LoadCaps { MaxRate = 100, MaxRequests = 1_000, AllowedTargets = [sandbox.Gateway] }, TimeProvider.System));
        services.AddSingleton<IGatewayAddress>(new FixedGateway(sandbox.Gateway));
        services.AddSingleton<IScenarioSource>(new StaticScenarioSource(scenario));
        services.AddLogging();
        services.AddClusterActions(_ => options);
        // demo-commit's handler needs the pipeline services; without a token its button is disabled with the reason.
        services.AddSingleton<IClusterViews>(new DemoConsole.Tests.Shared.TestClusterViews());
        services.AddPipeline(_ => new GitHubOptions());
        services.AddActionKinds();
        services.AddSingleton<ActionExecutor>();
        services.AddSingleton<DemoConsole.Core.StopAll.StopEverything>();
        _services = services.BuildServiceProvider();
        Executor = _services.GetRequiredService<ActionExecutor>();
    }

    public SandboxHost Sandbox { get; }

    public ActionExecutor Executor { get; }

    public DemoConsole.Core.StopAll.StopEverything StopEverything => _services.GetRequiredService<DemoConsole.Core.StopAll.StopEverything>();

    public PodKillService Kills => _services.GetRequiredService<PodKillService>();

    public DeploymentRollouts Rollouts => _services.GetRequiredService<DeploymentRollouts>();

    public IKubernetes Client => _services.GetRequiredService<IClusterConnection>().Client;

    /// <summary>The registered handler of a kind, as the console registers it.</summary>
    public IActionHandler Handler(string kind) => _services.GetServices<IActionHandler>().Single(h => h.Descriptor.Name == kind);

    /// <summary>The folder the sandbox ships its manifests in: the only one manifests may come from by default.</summary>
    public static string SandboxManifests => Path.GetDirectoryName(SandboxHost.LoadGeneratorManifestPath)!;

    /// <param name="mode">What the console believes it is connected to (Kubeconfig: the sandbox posing as a real cluster).</param>
    public static async Task<ClusterActionsHost> StartAsync(ClusterActionOptions? options = null, Scenario? scenario = null, double timeScale = 0.01, ClusterMode mode = ClusterMode.Sandbox)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            ApiPort = 0,
            GatewayPort = 0,
            GitHubPort = 0,
            PrometheusPort = 0,
            TimeScale = timeScale,
            KubeconfigPath = Path.Combine(Directory.CreateTempSubdirectory("cluster-actions-").FullName, "kubeconfig"),
        });
        options ??= new ClusterActionOptions();
        if (options.ManifestFolders.Count == 0)
        {
            options = options with { ManifestFolders = [SandboxManifests] };
        }

        return new ClusterActionsHost(sandbox, options, scenario ?? DefaultScenario.Load(), mode);
    }

    /// <summary>Starts an action as a presenter and waits for its run to end.</summary>
    public async Task<ActionRunSnapshot> RunToEndAsync(string actionId, TimeSpan? timeout = null, string? previewId = null)
    {
        var started = Executor.Start(Presenter, actionId, null, previewId);
        Assert.True(started.Started, started.Error);
        var board = await AsyncWait.ForAsync(Executor.WatchAsync, b => b.FindRun(started.RunId)?.IsRunning == false, $"{actionId} to end", timeout);
        return board.FindRun(started.RunId)!;
    }

    /// <summary>Pod DELETE requests the API received; <paramref name="dryRun"/> selects dry runs or real deletes.</summary>
    public IReadOnlyList<ApiRequestRecord> PodDeletes(bool dryRun) =>
        Sandbox.Journal.Requests
            .Where(r => r.Method == "DELETE" && r.Path.Contains("/pods/", StringComparison.Ordinal)
                && r.Query.Contains("dryRun=All", StringComparison.Ordinal) == dryRun)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    private sealed class FixedGateway(Uri gateway) : IGatewayAddress
    {
        public Uri? Gateway => gateway;
    }
}
