using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Sandbox;
using DemoConsole.Core.Load;
using DemoConsole.Core.Load.Worker;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Reports;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Replicas;
using DemoConsole.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DemoConsole.Web.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything the console needs; <c>TryAdd</c> where tests substitute their own.</summary>
    public static IServiceCollection AddDemoConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoConsoleOptions>()
            .Bind(configuration.GetSection(DemoConsoleOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoConsoleOptions>, DemoConsoleOptionsValidator>();
        services.AddLocalization();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new Api.UiMessageTextJsonConverter()));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScenarioSource>(sp => CreateScenarioSource(sp));
        services.TryAddSingleton<DemoSession>();
        services.TryAddSingleton<ActionExecutor>();
        services.TryAddSingleton<Core.StopAll.StopEverything>();
        services.TryAddSingleton<SessionJournal>();
        services.TryAddSingleton(sp => new ReportStore(StateFolder(sp)));
        services.TryAddSingleton<LiveReports>();
        services.AddHostedService<SessionJournalCollector>();
        services.TryAddSingleton<GatewayAddress>();
        services.TryAddSingleton<IGatewayAddress>(sp => sp.GetRequiredService<GatewayAddress>());
        services.TryAddSingleton<ILoadEngine>(LoadEngine);
        services.AddHostedService<LoadWorkerWarmUp>();
        services.AddClusterActions(ClusterActionOptions);
        // Every kind of the catalog with a handler, one IActionHandler each; the executor gets them all.
        services.AddActionKinds();
        services.AddClusterViews();
        services.AddPipeline(sp => GitHubOptions(sp, configuration));
        services.AddHostedService<GitHubAccessCheckAtStart>();
        services.AddHostedService<ClusterViewsWarmUp>();
        services.TryAddSingleton<MetricsEndpoints>();
        services.TryAddSingleton<IMetricsEndpoints>(sp => sp.GetRequiredService<MetricsEndpoints>());
        services.AddObservability();
        services.TryAddSingleton<PresenterPreferences>();
        services.AddSingleton<FrameOriginPolicy>();
        services.TryAddSingleton<PanelModes>();
        services.AddSingleton<Audience.AudienceLanguage>();
        services.AddSingleton<Audience.AudienceStream>();

        services.AddSingleton<EmbeddedSandbox>();
        services.TryAddSingleton<IClusterConnection>(sp => new ClusterConnection(() => ClusterTarget(sp)));
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedSandbox>());

        services.AddHostedService<SessionStateFile>();
        services.AddReadinessChecks();
        services.AddRecording();
        services.AddReplicas(configuration);

        services.AddConsoleSecurity();
        services.AddHostedService<SignInLinkPrinter>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    /// <summary>The engine with the configured caps; closed-model runs in a worker process unless configured otherwise.</summary>
    private static ILoadEngine LoadEngine(IServiceProvider services)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var inProcess = new HttpLoadEngine(LoadCaps(services), time);
        return services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value.Load.UseWorkerProcess
            ? new IsolatedLoadEngine(inProcess, LoadWorkerStartInfo.Create, time, services.GetRequiredService<ILogger<IsolatedLoadEngine>>())
            : inProcess;
    }

    /// <summary>Caps from configuration; the only target allowed is the gateway known when the engine is first used.</summary>
    private static LoadCaps LoadCaps(IServiceProvider services)
    {
        var load = services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value.Load;
        var gateway = services.GetRequiredService<IGatewayAddress>().Gateway;
        return new LoadCaps
        {
            MaxRate = load.MaxRate,
            MaxRequests = load.MaxRequests,
            MaxDuration = TimeSpan.FromSeconds(load.MaxDurationSeconds),
            MaxInFlight = load.MaxInFlight,
            AllowedTargets = gateway is null ? [] : [gateway],
        };
    }

    /// <summary>The folder of the session state file, where saved reports go too; null when state is not kept.</summary>
    private static string? StateFolder(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value.StateFile is { Length: > 0 } file ? Path.GetDirectoryName(Path.GetFullPath(file)) : null;

    /// <summary>
    /// Guard rails from <c>DemoConsole:ClusterActions</c> (bound and validated at start-up with the other options). In
    /// sandbox mode, manifests come from the sandbox's shipped folder unless folders are configured.
    /// </summary>
    private static ClusterActionOptions ClusterActionOptions(IServiceProvider services)
    {
        var console = services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value;
        var options = console.ClusterActions;
        var sandbox = console.Cluster.Mode == ClusterMode.Sandbox;
        return sandbox && options.ManifestFolders.Count == 0
            ? options with { ManifestFolders = [Path.GetDirectoryName(SandboxHost.LoadGeneratorManifestPath)!] }
            : options;
    }

    /// <summary>
    /// <c>DemoConsole:GitHub</c>; on the embedded sandbox without a configured token, the sandbox's GitHub twin and its
    /// token, so part 2 can be rehearsed with no GitHub at all. Real GitHub only by configuration.
    /// </summary>
    private static GitHubOptions GitHubOptions(IServiceProvider services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Core.Pipeline.GitHubOptions.Section).Get<GitHubOptions>() ?? new GitHubOptions();
        if (!options.HasToken && services.GetRequiredService<EmbeddedSandbox>().Host is { } sandbox)
        {
            options.Url = sandbox.GitHub.ToString();
            options.Token = sandbox.GitHubToken;
        }

        return options;
    }

    /// <summary>In sandbox mode, the kubeconfig the sandbox wrote; otherwise the configured one.</summary>
    private static ClusterTarget ClusterTarget(IServiceProvider services)
    {
        var cluster = services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value.Cluster;
        return cluster.Mode == ClusterMode.Sandbox
            ? new ClusterTarget(ClusterMode.Sandbox, services.GetRequiredService<EmbeddedSandbox>().Host?.KubeconfigPath)
            : new ClusterTarget(cluster.Mode, string.IsNullOrWhiteSpace(cluster.Kubeconfig) ? null : cluster.Kubeconfig, cluster.Context,
                string.IsNullOrWhiteSpace(cluster.ServiceAccountFolder) ? null : cluster.ServiceAccountFolder);
    }

    private static IScenarioSource CreateScenarioSource(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value;

        // No file: the built-in scenario in the console's language (DemoConsole:Language, ko or en).
        var builtIn = DefaultScenario.Load(options.Language);
        return string.IsNullOrWhiteSpace(options.ScenarioPath)
            ? new StaticScenarioSource(builtIn, services.GetRequiredService<TimeProvider>())
            : new FileScenarioSource(options.ScenarioPath, services.GetRequiredService<TimeProvider>(), logger: services.GetRequiredService<ILogger<FileScenarioSource>>(), fallback: builtIn);
    }
}
